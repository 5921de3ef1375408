import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { PRELOAD_DIR, PRELOAD_FILE } from './shell-paths';

/** `vite build --config src/main/preload.vite.config.ts`: the preload as the one file Electron's sandbox can load. */
export default defineConfig({
  build: {
    outDir: PRELOAD_DIR,
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: fileURLToPath(new URL('./preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => PRELOAD_FILE,
    },
    rolldownOptions: { external: ['electron'] },
  },
});
