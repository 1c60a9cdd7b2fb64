import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const shared = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@callboard/shared': shared } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // The editor is only reached through the lazily loaded call dialogs; grouping it keeps
        // it out of the first screen and cacheable on its own across releases.
        codeSplitting: {
          // Only the editor's own modules: its shared dependencies (React, MUI) stay where the app loads them.
          includeDependenciesRecursively: false,
          groups: [{ name: 'editor', test: /node_modules[\\/](@tiptap|prosemirror-|orderedmap|rope-sequence|w3c-keyname|linkifyjs|markdown-it)/ }],
        },
      },
    },
  },
});
