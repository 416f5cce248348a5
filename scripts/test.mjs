#!/usr/bin/env node
// `npm test`: type check, build, then every suite. Stops at the first failing step and
// exits non-zero; prints a closing "N passed, N failed" line over the steps.
import { spawnSync } from 'node:child_process';

const steps = [
  ['formatting (prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['import boundaries', 'node', ['scripts/check-boundaries.mjs']],
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['build (script tag, demo, npm package)', 'sh', ['-c', 'npm run build --silent && npm run build:package --silent']],
  [
    'server, contract and fault tests',
    'node',
    [
      'scripts/run-node-tests.mjs',
      'server',
      'test/contracts',
      'test/faults',
      'test/budgets',
      'test/modes',
      'test/openapi',
      'test/package-fixtures',
      'test/merchant-integration',
    ],
  ],
  ['widget tests (headless Chromium)', 'npx', ['wtr']],
  ['end-to-end tests (headless Chromium)', 'node', ['scripts/run-node-tests.mjs', 'test/e2e', 'test/widget-embed']],
];

let passed = 0;
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed += 1;
}
console.log(`\nsteps: ${passed} passed, 0 failed`);
