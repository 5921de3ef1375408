import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const queueServer = 'http://127.0.0.1:8080';
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Two pages in one build under /kiosk/: the kiosk itself (index.html) and the phone status page (phone/index.html),
 * which the queue server serves at /t/<token>.
 */
export default defineConfig({
  base: '/kiosk/',
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
    rolldownOptions: { input: { kiosk: page('./index.html'), phone: page('./phone/index.html') } },
  },
});
