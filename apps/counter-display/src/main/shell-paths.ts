import { fileURLToPath } from 'node:url';

/**
 * The counter panel's preload, bundled to one CommonJS file: a sandboxed preload can neither be ESM nor require its
 * neighbours. Under node_modules/.cache so it is never served with the pages in dist/, linted or committed.
 */
export const PRELOAD_DIR = fileURLToPath(new URL('../../node_modules/.cache/hallq-counter-shell/', import.meta.url));
export const PRELOAD_FILE = 'preload.cjs';
