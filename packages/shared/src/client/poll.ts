export interface Polled<T> {
  data: T | null;
  error: Error | null;
}

/**
 * Calls `load` now and then `intervalMs` after each answer (never two at once), reporting every result. A failure
 * keeps the last good data, so a network blip does not blank a screen. Returns the function that stops it.
 */
export function startPolling<T>(
  load: () => Promise<T>,
  intervalMs: number,
  report: (update: (previous: Polled<T>) => Polled<T>) => void,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      const data = await load();
      if (!stopped) report(() => ({ data, error: null }));
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      if (!stopped) report((previous) => ({ data: previous.data, error }));
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
