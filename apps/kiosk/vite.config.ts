import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const queueServer = 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': queueServer,
      '/socket.io': { target: queueServer, ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
