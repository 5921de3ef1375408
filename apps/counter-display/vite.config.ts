import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const queueServer = 'http://127.0.0.1:8080';
const page = (name: string) => fileURLToPath(new URL(`./${name}/index.html`, import.meta.url));

/**
 * One build, six pages: served by the queue server at /counter/, /display/, /manager/, /guide/, /window/ and /rating/.
 */
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': queueServer,
      '/socket.io': { target: queueServer, ws: true },
      // The icon is the server's, not a page's: the dev server shows the one the hall serves.
      '/favicon.ico': queueServer,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        counter: page('counter'),
        display: page('display'),
        manager: page('manager'),
        guide: page('guide'),
        window: page('window'),
        rating: page('rating'),
      },
    },
  },
});
