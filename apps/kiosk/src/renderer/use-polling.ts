import { useEffect, useState } from 'react';

export interface Polled<T> {
  data: T | null;
  error: Error | null;
}

/**
 * Calls `load` now and then `intervalMs` after each answer (never two at once).
 * Keeps the last good data when a later call fails, so a network blip does not blank the screen.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: null, error: null });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const data = await load();
        if (!stopped) setState({ data, error: null });
      } catch (err) {
        if (!stopped)
          setState((prev) => ({ data: prev.data, error: err instanceof Error ? err : new Error(String(err)) }));
      }
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load, intervalMs]);

  return state;
}
