import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Claim, ClaimOptions } from '../../api/claim-types.ts';
import { define } from '../../internal/define.ts';
import { apiBase, errorResponse, json, publishableKey, stubApi } from '../../testing/api-stub.ts';
import { expectNoAxeViolations } from '../../testing/axe.ts';
import { stubXhr } from '../../testing/xhr-stub.ts';
import { CoverPolicy } from './cover-policy.ts';
import {
  activeOrder,
  approvedClaim,
  assurifyOptions,
  clientSecret,
  contactOptions,
  picture,
  rejectedClaim,
  submittedClaim,
} from '../../testing/policy-fixtures.ts';

define('cover-policy', CoverPolicy);

let api: ReturnType<typeof stubApi> | undefined;
let xhr: ReturnType<typeof stubXhr> | undefined;

afterEach(() => {
  api?.restore();
  xhr?.restore();
  api = xhr = undefined;
});

function stubPolicy(options: ClaimOptions, claims: Claim[], extra: Parameters<typeof stubApi>[0] = {}) {
  api = stubApi({
    [`GET /v1/orders/${activeOrder.id}`]: () => json({ order: activeOrder }),
    [`GET /v1/orders/${activeOrder.id}/claim-options`]: () => json(options),
    [`GET /v1/orders/${activeOrder.id}/claims`]: () => json({ data: claims }),
    ...extra,
  });
  return api;
}

async function mount() {
  const element = await fixture<CoverPolicy>(
    html`<cover-policy
      publishable-key=${publishableKey}
      api-base=${apiBase}
      order-id=${activeOrder.id}
      locale="en-IN"
      poll-interval="50"
    ></cover-policy>`,
  );
  element.clientSecret = clientSecret;
  await waitUntil(() => view(element)?.shadowRoot?.querySelector('[part~="claims"]'), 'policy not shown', { timeout: 5_000 });
  return element;
}

/** The implementation inside the tiny element. */
const view = (element: CoverPolicy) =>
  element.shadowRoot?.querySelector('cover-policy-view') as (HTMLElement & { updateComplete: Promise<boolean> }) | null;
const inner = (element: CoverPolicy) => view(element)!.shadowRoot!;
const claimStatus = (element: CoverPolicy, index = 0) => inner(element).querySelectorAll('cover-claim-status')[index]!.shadowRoot!;
const form = (element: CoverPolicy) => inner(element).querySelector('cover-claim-form')!;

async function settle(element: CoverPolicy) {
  await view(element)!.updateComplete;
  const claimForm = inner(element).querySelector('cover-claim-form') as (HTMLElement & { updateComplete: Promise<boolean> }) | null;
  await claimForm?.updateComplete;
}

describe('<cover-policy>', () => {
  it('takes clientSecret as a property only, sends it as X-Client-Secret, and shows the plan and claims with payout and reasons', async () => {
    stubPolicy(assurifyOptions, [approvedClaim, rejectedClaim]);
    const element = await mount();
    expect(element.getAttribute('clientsecret')).to.equal(null);
    expect(element.outerHTML).not.to.include(clientSecret);
    expect(api!.requests.every((request) => request.headers.get('X-Client-Secret') === clientSecret)).to.equal(true);
    await waitUntil(
      () =>
        inner(element).querySelectorAll('cover-claim-status').length === 2 && claimStatus(element, 1).querySelector('[part~="reasons"]'),
    );
    const summary = inner(element).querySelector('cover-order-summary')!.shadowRoot!;
    expect(summary.querySelector('[part~="policy-reference"]')!.textContent).to.equal('pol_ASR12345');
    expect(claimStatus(element, 0).querySelector('[part~="payout"]')!.textContent).to.include('₹8,450').and.include('pay_A9KX01ZW');
    expect(claimStatus(element, 1).querySelector('[part~="reasons"]')!.textContent).to.include('The invoice does not match the device');
    expect(claimStatus(element, 0).querySelector('[part~="withdraw-button"]'), 'a decided claim cannot be withdrawn').to.equal(null);
    await expectNoAxeViolations(element, 'plan with decided claims');
  });

  it('contact-only providers: says how to claim (phone, email, site) and offers no claim form', async () => {
    stubPolicy(contactOptions, []);
    const element = await mount();
    await waitUntil(() => inner(element).querySelector('[part~="contact"]'));
    const contact = inner(element).querySelector('[part~="contact"]')!;
    expect(contact.querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:+918047192000');
    expect(contact.querySelector('a[href^="mailto:"]')!.textContent).to.equal('claims@bigfix.example');
    expect(contact.querySelector<HTMLAnchorElement>('a[target="_blank"]')!.href).to.equal('https://bigfix.example/claims');
    expect(inner(element).querySelector('[part~="claim-button"]')).to.equal(null);
    await expectNoAxeViolations(element, 'contact only');
  });

  it('files a claim: names missing fields, checks type and size before upload, previews, shows progress, and a retry resends everything under one key', async () => {
    stubPolicy(assurifyOptions, [], { [`GET /v1/claims/${submittedClaim.id}`]: () => json({ claim: submittedClaim }) });
    xhr = stubXhr([
      { status: 0, body: null, networkError: true },
      { status: 201, body: { claim: submittedClaim } },
    ]);
    const element = await mount();
    inner(element).querySelector<HTMLButtonElement>('[part~="claim-button"]')!.click();
    await waitUntil(() => inner(element).querySelector('cover-claim-form')?.shadowRoot?.querySelector('form'));
    const root = () => form(element).shadowRoot!;
    const continueButton = () => root().querySelector<HTMLButtonElement>('[part~="submit-button"]')!;
    await expectNoAxeViolations(element, 'claim step 1');

    continueButton().click();
    await settle(element);
    expect(root().querySelector('#type-error')!.textContent).to.equal('Choose what happened.');
    root().querySelector<HTMLInputElement>('input[value="accidental_damage"]')!.click();
    continueButton().click();
    await settle(element);
    expect(root().querySelector('.step-heading')!.textContent).to.equal('Details');

    continueButton().click();
    await settle(element);
    expect(root().querySelector('#date-error')!.textContent).to.equal('Enter the date it happened.');
    expect(root().activeElement?.id, 'focus goes to the first field to fix').to.equal('date');
    await expectNoAxeViolations(element, 'details with errors');
    const type = (id: string, value: string) => {
      const input = root().querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('date', '2026-11-28');
    type('description', 'Dropped on tiles, the screen cracked');
    await settle(element);
    continueButton().click();
    await settle(element);

    const choose = async (field: string, file: File) => {
      const input = root().querySelector<HTMLInputElement>(`#${field}`)!;
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await settle(element);
    };
    const photoInput = root().querySelector<HTMLInputElement>('#photo')!;
    expect(photoInput.accept).to.equal('image/jpeg,image/png,image/webp');
    expect(photoInput.getAttribute('capture')).to.equal('environment');
    await choose('photo', picture('clip.gif', 'image/gif'));
    expect(root().querySelector('#photo-error')!.textContent).to.equal('Choose a JPEG, PNG or WEBP picture.');
    await choose('photo', picture('huge.jpg', 'image/jpeg', 10 * 1024 * 1024 + 1));
    expect(root().querySelector('#photo-error')!.textContent).to.equal('This file is larger than 10 MB. Choose a smaller picture.');
    await choose('photo', picture('damage.png'));
    await choose('invoice', picture('invoice.jpg', 'image/jpeg'));
    expect(root().querySelector('[part~="preview"]')).not.to.equal(null);
    await expectNoAxeViolations(element, 'files chosen');
    continueButton().click();
    await settle(element);
    expect(root().querySelector('.step-heading')!.textContent).to.equal('Check and submit');
    expect(root().textContent).to.include('Dropped on tiles, the screen cracked').and.include('damage.png');
    await expectNoAxeViolations(element, 'review');

    continueButton().click();
    await waitUntil(() => root().querySelector('[part~="progress"]'), 'no progress bar');
    await waitUntil(() => root().querySelector('[part~="retry-button"]'), 'no retry after a dropped connection');
    expect(root().textContent).to.include('Nothing you entered is lost');
    await expectNoAxeViolations(element, 'upload failed');

    const created: CustomEvent[] = [];
    element.addEventListener('cover-claim-create', (event) => created.push(event));
    root().querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => created.length === 1, 'no cover-claim-create');
    expect(created[0]!.detail.claim.reference).to.equal('clm_TY29183K');
    expect(created[0]!.bubbles && created[0]!.composed).to.equal(true);
    const [first, second] = xhr!.uploads;
    expect(second!.headers['Idempotency-Key']).to.equal(first!.headers['Idempotency-Key']);
    expect(first!.headers['Idempotency-Key']).to.match(/^[0-9a-f-]{36}$/);
    expect(second!.headers['X-Client-Secret']).to.equal(clientSecret);
    expect(JSON.parse(second!.body.get('claim') as string)).to.deep.equal({
      type: 'accidental_damage',
      incident: { date: '2026-11-28', description: 'Dropped on tiles, the screen cracked' },
    });
    expect((second!.body.get('photo') as File).name).to.equal('damage.png');
    expect((second!.body.get('invoice') as File).name).to.equal('invoice.jpg');
    await waitUntil(() => inner(element).querySelector('cover-claim-status'));
    expect(inner(element).querySelector('cover-claim-form')).to.equal(null);
  });

  it('follows an open claim until its decision (cover-claim-update) and can withdraw one', async () => {
    const other = { ...submittedClaim, id: 'clm_3', reference: 'clm_OTHER' };
    stubPolicy(assurifyOptions, [submittedClaim, other], {
      [`GET /v1/claims/${submittedClaim.id}`]: [
        () => json({ claim: { ...submittedClaim, status: 'in_review' } }),
        () => json({ claim: approvedClaim }),
      ],
      [`GET /v1/claims/${other.id}`]: () => json({ claim: other }),
      [`POST /v1/claims/${other.id}/withdraw`]: [
        () => errorResponse(409, 'claim_not_withdrawable', 'The insurer is already deciding this claim'),
        () => json({ claim: { ...other, status: 'withdrawn' } }),
      ],
    });
    const updates: CustomEvent[] = [];
    document.addEventListener('cover-claim-update', (event) => updates.push(event));
    const element = await mount();
    await waitUntil(() => claimStatus(element, 0).querySelector('[part~="payout"]'), 'decision not shown', { timeout: 5_000 });
    expect(updates.map((event) => event.detail.claim.status)).to.deep.equal(['in_review', 'approved']);
    expect(updates[1]!.detail.previousStatus).to.equal('in_review');

    const second = claimStatus(element, 1);
    second.querySelector<HTMLButtonElement>('[part~="withdraw-button"]')!.click();
    await waitUntil(() => second.querySelector('.confirm'));
    await expectNoAxeViolations(element, 'withdraw confirm');
    second.querySelector<HTMLButtonElement>('.confirm [part~="withdraw-button"]')!.click();
    await waitUntil(() => second.querySelector('.error')!.textContent, 'refusal not shown');
    expect(second.querySelector('.error')!.textContent).to.equal('The insurer is already deciding this claim');
    second.querySelector<HTMLButtonElement>('.confirm [part~="withdraw-button"]')!.click();
    await waitUntil(() => second.querySelector('[part~="claim-status"]')!.textContent === 'Withdrawn');
    expect(updates.at(-1)!.detail.claim.status).to.equal('withdrawn');
  });
});
