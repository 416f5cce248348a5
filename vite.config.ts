/**
 * Builds the widget as one ES module, `dist/widget/coverkit.js`, with Lit, @lit/task, ky
 * and zod/mini bundled in: merchants add a single script tag and nothing else.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Also writes `coverkit-<version>.js`, for merchants who pin a version (with its SRI hash). */
function versionedCopy(): Plugin {
  return {
    name: 'coverkit-versioned-copy',
    writeBundle(options) {
      const folder = options.dir ?? 'dist/widget';
      copyFileSync(path.join(folder, 'coverkit.js'), path.join(folder, `coverkit-${version}.js`));
    },
  };
}

/** Modules the offer view imports statically (Lit, @lit/task, @lit/localize, ky and our own). */
const offerView =
  /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/task|@lit\/localize|ky)\/|widget\/src\/(index\.ts|api\/(client|api-error|luhn|types)\.ts|events\/cover-(offers-load|offer-select|offer-decline|error|device-change)-event\.ts|internal\/(define|format|load-steps|localize|quote-request|shared-styles)\.ts|components\/(cover-offers|cover-offer-list)\/)/;

export default defineConfig({
  // No public/ folder belongs in the widget bundle.
  publicDir: false,
  plugins: [versionedCopy()],
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
      // Lets the entry chunk hold the offer-view group itself instead of a re-exporting facade.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Library mode with `es` output keeps whitespace unless told otherwise (TOOLCHAIN.md).
        minify: true,
        // The offer view is one file: everything it needs statically goes into
        // coverkit.js, so the first paint waits for one request. The form, the summary
        // and activation steps, zod/mini and each language catalog stay in their own
        // chunks, fetched by dynamic import() when the shopper gets there.
        codeSplitting: {
          groups: [{ name: 'coverkit', test: offerView }],
        },
        chunkFileNames: '[name]-[hash].js',
        postBanner: (chunk) => (chunk.isEntry ? `/*! Coverkit widget v${version} | coverkit.js */` : ''),
      },
    },
  },
});
