import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plansFor, referencePrice } from './assurify-pricing.ts';

describe('Assurify sandbox pricing', () => {
  it('prices a laptop by its own retail price, not the unknown-phone reference', () => {
    assert.equal(referencePrice('Dell XPS 13'), 1_39_990);
    const warranty = plansFor('Dell XPS 13').find((plan) => plan.coverage_type === 'EW');
    assert.equal(warranty?.premium_inr, Math.round(1_39_990 * 0.035));
  });

  it('sells no screen-only plan for a laptop, even a cheaper one', () => {
    assert.deepEqual(
      plansFor('Lenovo ThinkPad E14').map((plan) => plan.coverage_type),
      ['EW', 'ADLD'],
    );
    assert.ok(plansFor('Samsung Galaxy S23').some((plan) => plan.coverage_type === 'SCREEN'));
  });
});
