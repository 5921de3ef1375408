import { useEffect, useState } from 'react';
import { type Polled, startPolling } from '@hallq/shared';

export function usePolling<T>(load: () => Promise<T>, intervalMs: number): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: null, error: null });
  useEffect(() => startPolling(load, intervalMs, setState), [load, intervalMs]);
  return state;
}
