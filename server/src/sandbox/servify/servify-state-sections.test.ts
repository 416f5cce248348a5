import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SandboxState } from '../sandbox-state.ts';
import { splitSandboxState } from './servify-state-sections.ts';

describe('Servify sandbox state: contracts and claims in one file', () => {
  it('keeps both sections across a restart, reads a file of contracts only, and forgets both on reset', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'servify-state-'));
    const file = path.join(folder, 'servify.json');
    try {
      writeFileSync(file, JSON.stringify([['SOLD0001', { soldPlanCode: 'SOLD0001' }]]));
      const first = splitSandboxState(new SandboxState(file));
      assert.deepEqual(first.contracts.load(), [['SOLD0001', { soldPlanCode: 'SOLD0001' }]]);
      assert.equal(first.claims.load(), undefined);
      first.claims.save({ claims: [['REF1', {}]], scenario: 'rejected' });
      const second = splitSandboxState(new SandboxState(file));
      assert.deepEqual(second.contracts.load(), [['SOLD0001', { soldPlanCode: 'SOLD0001' }]]);
      assert.deepEqual(second.claims.load(), { claims: [['REF1', {}]], scenario: 'rejected' });
      second.claims.reset();
      assert.equal(second.contracts.load(), undefined);
      assert.equal(splitSandboxState(new SandboxState(file)).claims.load(), undefined);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
