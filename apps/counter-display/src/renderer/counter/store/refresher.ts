/**
 * Runs `load` now, or once more right after the run in progress: a burst of events becomes at most two fetches, and
 * the last one always starts after the last request for it, so its answer is never older than the event.
 */
export function createRefresher(load: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      await load();
    } while (again);
    running = null;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run();
    return running;
  };
}
