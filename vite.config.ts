/**
 * Builds the widget as one ES module, `dist/widget/coverkit.js`, with Lit, @lit/task, ky
 * and zod/mini bundled in: merchants add a single script tag and nothing else.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  // No public/ folder belongs in the widget bundle.
  publicDir: false,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'widget/src/index.ts',
      formats: ['es'],
      fileName: () => 'coverkit.js',
    },
    rolldownOptions: {
      // Library mode with `es` output keeps whitespace unless told otherwise (TOOLCHAIN.md).
      output: { minify: true },
    },
  },
});
