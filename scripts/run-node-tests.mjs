#!/usr/bin/env node
// Runs every *.test.ts under the given folders with Node's test runner (through tsx).
// Node 20 does not expand globs itself, and tsx --test with no files passes silently,
// so an empty list is an error here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const folders = process.argv.slice(2);
const files = [];
function walk(folder) {
  for (const entry of readdirSync(folder)) {
    if (entry === 'node_modules') continue;
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (entry.endsWith('.test.ts')) files.push(full);
  }
}
for (const folder of folders) if (existsSync(folder)) walk(folder);
if (files.length === 0) {
  console.error(`No *.test.ts files under ${folders.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files.sort()], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
