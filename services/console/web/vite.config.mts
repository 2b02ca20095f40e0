import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const src = fileURLToPath(new URL('./src', import.meta.url));

// One alias, `@/` → src (console-style §1). `npm run console:dev` serves it with the BFF behind /api.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { '@': src } },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // React alone is long-lived; antd and pro-components stay with the routes that use them, so
        // the first page loads only what the layout and that page need.
        manualChunks(id: string) {
          return /node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id) ? 'react' : undefined;
        },
      },
    },
  },
});
