/**
 * Builds the npm package (`@coverkit/widget`) into widget/dist/: `index.js` (registers the
 * elements), `react.js` (the @lit/react wrapper) and the lazily loaded steps as their own
 * chunks. Unlike the script-tag bundle, Lit, @lit/*, ky and zod stay imports: the shop's
 * bundler resolves them once for the whole app. Declarations come from
 * `tsc -p widget/tsconfig.package.json` (`npm run build:package` runs both).
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const widget = import.meta.dirname;
const external = /^(lit|lit-html|lit-element|@lit\/[^/]+|ky|zod|react)(\/.*)?$/;

export default defineConfig({
  root: widget,
  publicDir: false,
  build: {
    outDir: path.join(widget, 'dist'),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: {
        index: path.join(widget, 'src/index.ts'),
        react: path.join(widget, 'src/react.ts'),
        // For merchants' servers: the webhook signature check (WebCrypto, no dependency).
        server: path.join(widget, 'src/server.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: (id) => external.test(id),
      output: { chunkFileNames: '[name]-[hash].js' },
    },
  },
});
