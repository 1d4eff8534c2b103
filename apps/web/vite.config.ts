import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API lives on the same origin in production (the server serves dist/ with an SPA
// fallback); in development Vite forwards /api to the server so cookies stay first-party.
const apiProxy = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
});
