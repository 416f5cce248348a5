#!/usr/bin/env node
/**
 * The widget's custom-elements.json, made the same way every time: `cem analyze` (the
 * `widget:manifest` script) lists modules in the order its file glob returns them, which
 * varies between runs, so the modules are sorted by path. `npm run build:package` runs
 * the analyzer and then this; test/budgets/widget-package.test.ts checks that the
 * committed manifest is what they make of the source.
 *
 *   node scripts/widget-manifest.mjs            sorts widget/custom-elements.json in place
 *   node scripts/widget-manifest.mjs <outdir>   analyzes into <outdir> (any path), sorted
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MANIFEST_PATH = 'widget/custom-elements.json';

/** The manifest text with its modules sorted by path, as written to disk. */
export function normalizeManifest(text) {
  const manifest = JSON.parse(text);
  manifest.modules.sort((first, second) => (first.path < second.path ? -1 : first.path > second.path ? 1 : 0));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Runs the analyzer as `npm run widget:manifest` does, into `outdir`; returns the sorted manifest text. */
export function analyzeWidget(outdir) {
  // The analyzer joins --outdir onto the working directory, so an absolute path goes in relative.
  const relative = path.relative(process.cwd(), path.resolve(outdir));
  const cem = path.resolve('node_modules/@custom-elements-manifest/analyzer/cem.js');
  // The analyzer also points package.json's "customElements" at its output; a check must not.
  const packageJson = readFileSync('package.json', 'utf8');
  try {
    execFileSync(
      process.execPath,
      [
        cem,
        'analyze',
        '--litelement',
        '--globs',
        'widget/src/**/*.ts',
        '--exclude',
        'widget/src/**/*.test.ts',
        '--exclude',
        'widget/src/testing/**',
        '--outdir',
        relative,
      ],
      { stdio: 'ignore' },
    );
  } finally {
    if (readFileSync('package.json', 'utf8') !== packageJson) writeFileSync('package.json', packageJson);
  }
  return normalizeManifest(readFileSync(path.join(outdir, 'custom-elements.json'), 'utf8'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outdir = process.argv[2];
  if (outdir) writeFileSync(path.join(outdir, 'custom-elements.json'), analyzeWidget(outdir));
  else writeFileSync(MANIFEST_PATH, normalizeManifest(readFileSync(MANIFEST_PATH, 'utf8')));
}
