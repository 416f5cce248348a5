#!/usr/bin/env node
/**
 * Subresource Integrity for a page that pins the widget's version. Run after `npm run build`.
 *
 *   node scripts/widget-sri.mjs [--base https://cdn.example/coverkit/]
 *
 * prints what goes in the page's <head>:
 *   - an import map whose `integrity` section holds the sha384 of every chunk the pinned
 *     `coverkit-<version>.js` may load (`coverkit-<version>-<name>-<hash>.js`; browsers check
 *     lazily imported modules against it), with the `'sha256-…'` source that lets a strict
 *     CSP run this inline import map;
 *   - the script tag of the pinned entry with its own `integrity`.
 * The pinned files import only each other, never the unpinned `coverkit.js`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
export const WIDGET_DIR = 'dist/widget';
export const PINNED_ENTRY = `coverkit-${version}.js`;

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

/** The pinned entry, its chunks and their hashes, with the import map and script tag for `base`. */
export function pinnedIntegrity({ base = '/widget/', directory = WIDGET_DIR } = {}) {
  const entryFile = path.join(directory, PINNED_ENTRY);
  if (!existsSync(entryFile)) throw new Error(`${entryFile} not found: run \`npm run build\` first`);
  const chunks = readdirSync(directory)
    .filter((file) => file.startsWith(`coverkit-${version}-`) && file.endsWith('.js'))
    .sort();
  const integrity = Object.fromEntries(chunks.map((file) => [`${base}${file}`, sri(path.join(directory, file))]));
  const importMap = JSON.stringify({ imports: {}, integrity });
  const importMapSource = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
  const entry = { url: `${base}${PINNED_ENTRY}`, integrity: sri(entryFile) };
  const html = [
    `<script type="importmap">${importMap}</script>`,
    `<script type="module" src="${entry.url}" integrity="${entry.integrity}" crossorigin="anonymous"></script>`,
  ].join('\n');
  return { entry, chunks, integrity, importMap, importMapSource, html };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const baseIndex = process.argv.indexOf('--base');
  const base = baseIndex > 0 ? process.argv[baseIndex + 1] : '/widget/';
  try {
    const pinned = pinnedIntegrity({ base });
    console.log(`${PINNED_ENTRY}  ${pinned.entry.integrity}`);
    console.log(`coverkit.js  ${sri(path.join(WIDGET_DIR, 'coverkit.js'))}  (unpinned: changes with every release)\n`);
    console.log(`<!-- in <head>, before any module script; CSP script-src needs ${pinned.importMapSource} -->`);
    console.log(pinned.html);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
