#!/usr/bin/env node
/**
 * The message ids a merchant can override through `<cover-offers>.strings`, read from the
 * widget's source (the first argument of every `t()`, and the field errors' ids in
 * internal/validation-messages.ts), as the Markdown table in widget/README.md.
 * test/budgets/widget-package.test.ts checks the README lists exactly these.
 *
 *   node scripts/widget-strings.mjs    rewrites the table in widget/README.md
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const README_PATH = 'widget/README.md';
const START = '<!-- strings:start (node scripts/widget-strings.mjs) -->';
const END = '<!-- strings:end -->';

function sources(folder) {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return entry === 'testing' ? [] : sources(full);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every message id with its English text (`${…}` values shown as {0}, {1}, …), sorted by id. */
export function collectStrings() {
  const strings = new Map();
  for (const file of sources('widget/src').sort()) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\bt\(\s*'([a-z0-9.-]+)',\s*(?:str)?(?:'((?:[^'\\]|\\.)*)'|"([^"]*)"|`([^`]*)`)/g)) {
      let index = 0;
      const english = (match[2] ?? match[3] ?? match[4]).replace(/\\'/g, "'").replace(/\$\{[^}]*\}/g, () => `{${index++}}`);
      if (!strings.has(match[1])) strings.set(match[1], english);
    }
    if (file.endsWith('validation-messages.ts')) {
      for (const match of source.matchAll(/^\s*'?([^':\n]+?)'?: '(validation\.[a-z0-9-]+)',$/gm)) {
        if (!strings.has(match[2])) strings.set(match[2], match[1]);
      }
    }
  }
  return [...strings].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, english]) => ({ id, english }));
}

export function stringsTable() {
  const escape = (text) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const rows = collectStrings().map(({ id, english }) => `| \`${id}\` | ${escape(english)} |`);
  return [START, '', '| id | English |', '| --- | --- |', ...rows, '', END].join('\n');
}

/** The README with its table replaced by the current one. */
export function withCurrentTable(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${README_PATH} lacks the ${START} … ${END} markers`);
  return readme.slice(0, start) + stringsTable() + readme.slice(end + END.length);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeFileSync(README_PATH, withCurrentTable(readFileSync(README_PATH, 'utf8')));
}
