#!/usr/bin/env node
// Prints the Subresource Integrity hash (sha384) of the built widget, for the script tag:
//   <script type="module" src=".../coverkit-<version>.js" integrity="sha384-…" crossorigin="anonymous">
// Run after `npm run build`. The chunks it loads later are content-hashed file names.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const files = process.argv.slice(2).length ? process.argv.slice(2) : ['dist/widget/coverkit.js', `dist/widget/coverkit-${version}.js`];
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`${file} not found: run \`npm run build\` first`);
    process.exit(1);
  }
  console.log(`${file}  sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`);
}
