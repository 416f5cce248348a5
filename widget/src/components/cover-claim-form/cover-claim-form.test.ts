import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createApiClient } from '../../api/client.ts';
import { define } from '../../internal/define.ts';
import { apiBase, publishableKey } from '../../testing/api-stub.ts';
import { expectNoAxeViolations } from '../../testing/axe.ts';
import { activeOrder, clientSecret, servifyOptions, submittedClaim } from '../../testing/policy-fixtures.ts';
import { stubXhr } from '../../testing/xhr-stub.ts';
import { CoverClaimForm } from './cover-claim-form.ts';

define('cover-claim-form', CoverClaimForm);

let xhr: ReturnType<typeof stubXhr> | undefined;
afterEach(() => {
  xhr?.restore();
  xhr = undefined;
});

async function mount() {
  const client = createApiClient({ apiBase, publishableKey });
  const element = await fixture<CoverClaimForm>(
    html`<cover-claim-form
      .order=${activeOrder}
      .options=${servifyOptions}
      .client=${client}
      .clientSecret=${clientSecret}
      locale="en-IN"
    ></cover-claim-form>`,
  );
  return { element, root: element.shadowRoot! };
}

describe('<cover-claim-form>', () => {
  it('Servify: the problem from its issue list, the address and a visit slot, by keyboard, in the claim it sends', async () => {
    xhr = stubXhr([{ status: 201, body: { claim: { ...submittedClaim, status: 'scheduled' } } }]);
    const { element, root } = await mount();
    const heading = () => root.querySelector('.step-heading')!.textContent;
    const next = async () => {
      root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      await element.updateComplete;
    };
    expect(root.querySelector('.step-count')!.textContent).to.include('Step 1 of 4');

    // Keyboard only: focus the first choice, arrow to "breakdown", pick the problem.
    root.querySelector<HTMLInputElement>('input[name="type"]')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(root.querySelector<HTMLInputElement>('input[value="breakdown"]')!.checked).to.equal(true);
    await next();
    expect(root.querySelector('#issue-error')!.textContent).to.equal('Choose the problem.');
    const select = root.querySelector<HTMLSelectElement>('#issue')!;
    select.value = '0E74248AA1';
    select.dispatchEvent(new Event('change'));
    await next();
    expect(heading()).to.equal('Details');

    await next();
    for (const [id, message] of [
      ['line1', 'Enter the street address.'],
      ['city', 'Enter the city.'],
      ['state', 'Enter the state.'],
      ['postalCode', 'Enter the PIN or postal code.'],
    ]) {
      expect(root.querySelector(`#${id}-error`)!.textContent, id).to.equal(message);
      expect(root.querySelector(`#${id}`)!.getAttribute('aria-describedby')).to.equal(`${id}-error`);
    }
    await expectNoAxeViolations(element, 'details with address errors');
    for (const [id, value] of [
      ['date', '2026-11-28'],
      ['description', 'The power button no longer works'],
      ['line1', '12 MG Road'],
      ['city', 'Bengaluru'],
      ['state', 'Karnataka'],
      ['postalCode', '560001'],
    ]) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value!;
      input.dispatchEvent(new Event('input'));
    }
    await next();
    expect(heading()).to.equal('Visit');
    await next();
    expect(root.querySelector('#slot-error')!.textContent).to.equal('Choose a time for the visit.');
    root.querySelector<HTMLInputElement>('input[value="slot_2"]')!.click();
    await element.updateComplete;
    await expectNoAxeViolations(element, 'slots');
    await next();
    expect(heading()).to.equal('Check and submit');
    expect(root.textContent).to.include('Button Problem').and.include('13:00–16:00').and.include('12 MG Road, Bengaluru');

    const created = new Promise<CustomEvent>((resolve) => element.addEventListener('cover-claim-create', resolve, { once: true }));
    await next();
    await created;
    expect(JSON.parse(xhr.uploads[0]!.body.get('claim') as string)).to.deep.equal({
      type: 'breakdown',
      incident: { date: '2026-11-28', description: 'The power button no longer works' },
      issue: '0E74248AA1',
      appointment: { code: 'slot_2', date: '2026-12-04', from: '13:00', to: '16:00' },
      address: { line1: '12 MG Road', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'IN' },
    });
    expect(xhr.uploads[0]!.body.get('photo')).to.equal(null);
  });

  it('a dropped upload is sent again by itself when the browser is back online, under the same key', async () => {
    xhr = stubXhr([
      { status: 0, body: null, networkError: true },
      { status: 201, body: { claim: submittedClaim } },
    ]);
    const { element, root } = await mount();
    (element as unknown as { options: typeof servifyOptions }).options = {
      ...servifyOptions,
      issues: [],
      slots: [],
      requires: ['incident.date', 'incident.description'],
    };
    await element.updateComplete;
    root.querySelector<HTMLInputElement>('input[value="liquid_damage"]')!.click();
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await element.updateComplete;
    for (const [id, value] of [
      ['date', '2026-11-28'],
      ['description', 'Fell into the sink while washing up'],
    ]) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value!;
      input.dispatchEvent(new Event('input'));
    }
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await element.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => root.querySelector('[part~="retry-button"]'), 'no retry after the dropped upload');
    const created = new Promise((resolve) => element.addEventListener('cover-claim-create', resolve, { once: true }));
    window.dispatchEvent(new Event('online'));
    await created;
    expect(xhr.uploads).to.have.length(2);
    expect(xhr.uploads[1]!.headers['Idempotency-Key']).to.equal(xhr.uploads[0]!.headers['Idempotency-Key']);
  });

  it('refuses a date in the future', async () => {
    const { element, root } = await mount();
    root.querySelector<HTMLInputElement>('input[value="accidental_damage"]')!.click();
    const select = root.querySelector<HTMLSelectElement>('#issue')!;
    select.value = '0E74248AA1';
    select.dispatchEvent(new Event('change'));
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await element.updateComplete;
    const date = root.querySelector<HTMLInputElement>('#date')!;
    date.value = '2999-01-01';
    date.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => root.querySelector('#date-error')!.textContent);
    expect(root.querySelector('#date-error')!.textContent).to.equal('The date cannot be in the future.');
  });
});
