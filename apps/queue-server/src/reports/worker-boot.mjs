// Starts a worker thread's module: the TypeScript source through tsx (the loader the server runs under does not reach
// threads), or the compiled JavaScript as it is. Plain JavaScript, so it loads before any loader is there.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
