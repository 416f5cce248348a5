#!/usr/bin/env node
// Browser tests need Chromium. Where none is found, install Debian's package (root only),
// or say exactly what to install.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

if (findChromium()) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(
    'No Chrome or Chromium found for the browser tests. Install one, e.g.:\n  sudo apt-get update && sudo apt-get install -y chromium\nor set CHROME_PATH to a Chrome/Chromium binary.',
  );
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests…');
const install = spawnSync(
  'sh',
  ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium'],
  { stdio: 'inherit' },
);
if (install.status !== 0 || !findChromium()) {
  console.error('Installing chromium failed. Run: apt-get update && apt-get install -y chromium');
  process.exit(1);
}
