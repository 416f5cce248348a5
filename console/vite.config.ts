/** Builds the operator console's script to dist/console/console.js; the server serves it at /console. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: fileURLToPath(new URL('./src/ck-console.ts', import.meta.url)), formats: ['es'], fileName: () => 'console.js' },
    rolldownOptions: { output: { minify: true } },
  },
});
