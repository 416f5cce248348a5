import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createApiClient } from '../../api/client.ts';
import type { Claim } from '../../api/claim-types.ts';
import { define } from '../../internal/define.ts';
import { useCatalogFor } from '../../internal/localize.ts';
import { apiBase, json, publishableKey, stubApi } from '../../testing/api-stub.ts';
import { expectNoAxeViolations } from '../../testing/axe.ts';
import { clientSecret, rejectedClaim, submittedClaim } from '../../testing/policy-fixtures.ts';
import { CoverClaimStatus } from './cover-claim-status.ts';

define('cover-claim-status', CoverClaimStatus);

let api: ReturnType<typeof stubApi> | undefined;
afterEach(async () => {
  api?.restore();
  api = undefined;
  await useCatalogFor('en');
});

const scheduled: Claim = {
  ...submittedClaim,
  provider: 'servify',
  status: 'scheduled',
  appointment: { code: 'slot_2', date: '2026-12-04', from: '13:00', to: '16:00' },
};

async function mount(claim: Claim, locale = 'en-IN') {
  const client = createApiClient({ apiBase, publishableKey });
  const element = await fixture<CoverClaimStatus>(
    html`<cover-claim-status
      .claim=${claim}
      .client=${client}
      .clientSecret=${clientSecret}
      locale=${locale}
      poll-interval="50"
    ></cover-claim-status>`,
  );
  return { element, root: element.shadowRoot! };
}

describe('<cover-claim-status>', () => {
  it('a booked visit: its date and time, withdrawable, and it keeps asking until a final status', async () => {
    api = stubApi({
      [`GET /v1/claims/${scheduled.id}`]: [() => json({ claim: scheduled }), () => json({ claim: { ...scheduled, status: 'in_repair' } })],
    });
    const { root } = await mount(scheduled);
    expect(root.querySelector('[part~="claim-status"]')!.textContent).to.equal('Visit booked');
    expect(root.textContent).to.include('4 Dec 2026, 13:00–16:00');
    expect(root.querySelector('[part~="withdraw-button"]')).not.to.equal(null);
    await waitUntil(() => root.querySelector('[part~="claim-status"]')!.textContent === 'Being repaired', 'status not followed');
    expect(root.querySelector('[part~="withdraw-button"]'), 'no withdrawing a repair under way').to.equal(null);
  });

  it('speaks Hindi, and a final status is not asked about again', async () => {
    api = stubApi({});
    await useCatalogFor('hi');
    const { element, root } = await mount(rejectedClaim, 'hi-IN');
    await element.updateComplete;
    expect(root.querySelector('[part~="claim-status"]')!.textContent).to.equal('मंज़ूर नहीं');
    expect(root.querySelector('.decision-heading')!.textContent).to.equal('आपका क्लेम मंज़ूर नहीं हुआ');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(api.requests).to.have.length(0);
    await expectNoAxeViolations(element, 'rejected, Hindi');
  });
});
