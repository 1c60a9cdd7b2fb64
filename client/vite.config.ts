import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const shared = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@callboard/shared': shared,
      // wouter ships a shim for React < 18; React 19 has the hook itself, so the shim is dead weight on the first screen.
      'use-sync-external-store/shim/index.js': 'react',
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // scripts/client-size.mjs reads the chunk graph from it.
    manifest: true,
    chunkSizeWarningLimit: 700,
  },
});
