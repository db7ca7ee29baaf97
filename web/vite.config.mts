import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the single-page app to web/dist; in development proxies the API to the local server. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': { target: process.env.DEALERFLOW_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
