/**
 * Plain `<cover-offers>` and the ready React components type-check in React 19 and Preact
 * JSX against the built package's declarations (test/jsx-types), prices stay numbers, and a
 * string price is refused.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

describe('JSX types of @coverkit/widget', () => {
  for (const framework of ['react', 'preact']) {
    it(`type-check in ${framework} JSX`, () => {
      const tsc = spawnSync('node_modules/.bin/tsc', ['-p', `test/jsx-types/tsconfig.${framework}.json`], { encoding: 'utf8' });
      assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr} (run npm run build:package first)`);
    });
  }
});
