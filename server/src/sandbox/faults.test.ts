import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultPlan } from './faults.ts';

test('clearing no rules tells no listener, so the quote cache keeps what it knows', () => {
  const plan = new FaultPlan();
  let notified = 0;
  plan.onChange(() => notified++);
  plan.clear();
  plan.clear('bigfix');
  assert.equal(notified, 0);
});

test('adding or clearing a rule tells every listener', () => {
  const plan = new FaultPlan();
  let notified = 0;
  plan.onChange(() => notified++);
  plan.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'html' } });
  plan.clear('octamile');
  assert.equal(notified, 1, 'another provider had no rule to clear');
  plan.clear('bigfix');
  assert.equal(notified, 2);
  assert.deepEqual(plan.list(), []);
});
