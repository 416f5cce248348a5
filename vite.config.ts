/**
 * Builds the widget as one ES module, `dist/widget/coverkit.js`, with Lit, @lit/task, ky
 * and zod/mini bundled in: merchants add a single script tag and nothing else.
 *
 * `vite build --mode pinned` (the second step of `npm run build`) writes the same widget as
 * `coverkit-<version>.js` with chunks named `coverkit-<version>-<name>-<hash>.js` that import
 * only each other: a page that pins a version (with its SRI hash) never loads the unpinned
 * `coverkit.js` as a second copy, and every file it loads is versioned and never changes.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Modules the offer view imports statically (Lit, @lit/task, @lit/localize and our own). */
const offerView =
  /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/task|@lit\/localize)\/|widget\/src\/(index\.ts|api\/(client|api-error|quote-stream|luhn|types)\.ts|events\/cover-(offers-load|offer-select|offer-decline|error|device-change)-event\.ts|internal\/(define|format|load-steps|localize|quote-request|shared-styles)\.ts|components\/(cover-offers|cover-offer-list)\/)/;

/**
 * Collapses the whitespace of the widget's css`…` literals (indentation, blank lines,
 * spaces around braces and semicolons): the minifier leaves template text alone, and the
 * offer view's styles ship in the size-budgeted entry. Literals with `${…}` are left as written.
 */
function compactCssLiterals(): Plugin {
  const compact = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .trim();
  return {
    name: 'coverkit-compact-css-literals',
    transform(code, id) {
      if (!/widget\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: code.replace(/\bcss`([^`$]*)`/g, (_literal, text: string) => `css\`${compact(text)}\``), map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  const pinned = mode === 'pinned';
  const entry = pinned ? `coverkit-${version}.js` : 'coverkit.js';
  return {
    // No public/ folder belongs in the widget bundle.
    publicDir: false,
    plugins: [compactCssLiterals()],
    build: {
      outDir: 'dist/widget',
      emptyOutDir: !pinned,
      target: 'es2022',
      sourcemap: true,
      lib: {
        entry: 'widget/src/index.ts',
        formats: ['es'],
        fileName: () => entry,
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
          chunkFileNames: pinned ? `coverkit-${version}-[name]-[hash].js` : '[name]-[hash].js',
          postBanner: (chunk) => (chunk.isEntry ? `/*! Coverkit widget v${version} | ${entry} */` : ''),
        },
      },
    },
  };
});
