// Vite build and dev server for the SPA; in development the API runs separately and is proxied.
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: {
      '/trpc': { target: apiUrl, changeOrigin: false },
      '/api': { target: apiUrl },
      '/healthz': { target: apiUrl },
      '/readyz': { target: apiUrl },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // React 19 + router + tRPC/React Query + zod (the shared contracts) make ~155 kB gzipped.
    chunkSizeWarningLimit: 600,
  },
});
