/** Builds the demo shop's page script to dist/demo/shop.js (the widget is built separately). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../dist/demo', import.meta.url)),
    emptyOutDir: true,
    lib: { entry: fileURLToPath(new URL('./src/shop.ts', import.meta.url)), formats: ['es'], fileName: () => 'shop.js' },
    rolldownOptions: { output: { minify: true } },
  },
});
