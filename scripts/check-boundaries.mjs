#!/usr/bin/env node
// Import boundaries (CONVENTIONS.md, "Layout"): imports flow one way, so each part can be
// read, tested and shipped on its own. Fails with every offending import listed.
//   contract/        imports nothing of ours (only packages)
//   server/          never imports widget/ or demo/ — except the composition root, which
//                    mounts the demo beside the API in test mode
//   server/src/store never imports server/src/providers
//   widget/          never imports server/ or demo/
//   console/         (the operator console) never imports server/, and server/ never imports console/
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const COMPOSITION_ROOT = 'server/src/index.ts';

/** [part, predicate on the imported repo-relative path, why] */
const rules = [
  ['contract/', (target) => !target.startsWith('contract/'), 'contract/ imports nothing of ours'],
  [
    'server/',
    (target, from) => target.startsWith('widget/') || (target.startsWith('demo/') && from !== COMPOSITION_ROOT),
    'server/ never imports widget/ or demo/',
  ],
  ['server/src/store/', (target) => target.startsWith('server/src/providers/'), 'the store never imports providers'],
  ['widget/', (target) => target.startsWith('server/') || target.startsWith('demo/'), 'widget/ never imports server/ or demo/'],
  ['server/', (target) => target.startsWith('console/'), 'server/ never imports console/ (it serves its built files)'],
  ['console/', (target) => target.startsWith('server/') || target.startsWith('widget/'), 'console/ talks to the server over HTTP only'],
];

function* sourceFiles(directory) {
  for (const entry of readdirSync(directory)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|mts|js|mjs)$/.test(entry)) yield full;
  }
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Every broken boundary under `base` (the repository by default), as readable lines. */
export function findViolations(base = root) {
  const files = ['contract', 'server', 'widget', 'console'].flatMap((part) => {
    try {
      return [...sourceFiles(path.join(base, part))];
    } catch {
      return [];
    }
  });
  const violations = [];
  for (const file of files) {
    const from = path.relative(base, file).split(path.sep).join('/');
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier?.startsWith('.')) continue;
      const target = path
        .relative(base, path.resolve(path.dirname(file), specifier))
        .split(path.sep)
        .join('/');
      for (const [part, forbidden, why] of rules) {
        if (from.startsWith(part) && forbidden(target, from)) violations.push(`${from} imports ${specifier} (${why})`);
      }
    }
  }
  return violations;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = findViolations();
  if (violations.length > 0) {
    console.error(`Import boundaries broken:\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    'Import boundaries hold: contract → nothing; server ↛ widget, demo; store ↛ providers; widget ↛ server, demo; server ↛ console; console ↛ server, widget',
  );
}
