import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createApiClient } from '../../api/client.ts';
import type { Order } from '../../../../contract/types.ts';
import type { CoverOrderUpdateEvent } from '../../events/cover-order-update-event.ts';
import { define } from '../../internal/define.ts';
import { CoverActivation } from './cover-activation.ts';
import { apiBase, createdOrder, json, publishableKey, stubApi } from '../../testing/api-stub.ts';
import { stubXhr } from '../../testing/xhr-stub.ts';

define('cover-activation', CoverActivation);

let api: ReturnType<typeof stubApi> | undefined;
let xhr: ReturnType<typeof stubXhr> | undefined;

afterEach(() => {
  api?.restore();
  xhr?.restore();
  api = undefined;
  xhr = undefined;
});

const pendingActivation: Order = {
  ...createdOrder,
  offer: { ...createdOrder.offer, provider: 'octamile', providerName: 'Octamile', price: { amount: 4500, currency: 'NGN' } },
  status: 'pending_activation',
  policy: { provider: 'octamile', reference: 'a'.repeat(32), startsAt: null, endsAt: null, activationCode: 'OCT-4821', certificate: false },
};
const activeOrder: Order = { ...pendingActivation, status: 'active' };

async function mount(strings: Record<string, string> = {}) {
  const client = createApiClient({ apiBase, publishableKey });
  const element = await fixture<CoverActivation>(
    html`<cover-activation .order=${pendingActivation} .client=${client} .strings=${strings} poll-interval="50"></cover-activation>`,
  );
  return { element, root: element.shadowRoot! };
}

async function chooseFile(element: CoverActivation, file: File) {
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('[part="file-input"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await element.updateComplete;
}

const video = () => new File(['video'], 'clip.mp4', { type: 'video/mp4' });

describe('<cover-activation>', () => {
  it('shows the activation code and the steps, and takes video files only', async () => {
    const { element, root } = await mount();
    expect(root.querySelector('[part="activation-code"]')!.textContent).to.equal('OCT-4821');
    expect(root.querySelectorAll('.steps li')).to.have.length(3);
    const fileInput = root.querySelector<HTMLInputElement>('[part="file-input"]')!;
    expect(fileInput.accept).to.equal('video/*');
    expect(fileInput.getAttribute('capture'), 'opens the camera on phones').to.equal('environment');
    const upload = () => root.querySelector<HTMLButtonElement>('[part="upload-button"]')!;
    expect(upload().textContent!.trim()).to.equal('Send video');
    expect(upload().disabled, 'nothing to send yet').to.equal(true);

    await chooseFile(element, new File(['text'], 'notes.txt', { type: 'text/plain' }));
    expect(root.querySelector('[role="alert"]')!.textContent).to.equal('That file is not a video. Choose a video file and try again.');
    expect(upload().disabled).to.equal(true);

    await chooseFile(element, video());
    expect(root.querySelector('[role="alert"]')!.textContent).to.equal('');
    expect(root.querySelector('.status')!.textContent).to.equal('clip.mp4 chosen. Send it to activate your plan.');
    expect(root.querySelector('.file-name')!.textContent).to.equal('clip.mp4');
    expect(upload().disabled).to.equal(false);
  });

  it('makes the file picker a big button-like label in the accent colour', async () => {
    const { root } = await mount();
    const label = root.querySelector<HTMLLabelElement>('.file-button')!;
    expect(label.control).to.equal(root.querySelector('[part="file-input"]'));
    const style = getComputedStyle(label);
    expect(label.getBoundingClientRect().height).to.be.at.least(44);
    expect(style.borderTopColor).to.equal('rgb(31, 94, 255)');
    expect(style.cursor).to.equal('pointer');
    const input = root.querySelector<HTMLInputElement>('[part="file-input"]')!;
    expect(input.getBoundingClientRect().width, 'the native control is hidden').to.be.at.most(1);
  });

  it('after sending says the video was received and the insurer is reviewing it', async () => {
    api = stubApi({ [`GET /v1/orders/${createdOrder.id}`]: () => json({ order: pendingActivation }) });
    xhr = stubXhr([{ status: 202, body: { order: pendingActivation } }]);
    const { element, root } = await mount();
    await chooseFile(element, video());
    root.querySelector<HTMLButtonElement>('[part="upload-button"]')!.click();
    await waitUntil(() => root.querySelector('.received'), 'no received state');
    const received = root.querySelector('.received')!;
    expect(received.getAttribute('role')).to.equal('status');
    expect(received.textContent).to.include('Video received — the insurer is reviewing it');
    expect(root.querySelector('[part="upload-button"]'), 'nothing left to send').to.equal(null);
    expect(root.querySelector('.file-button')).to.equal(null);
    element.remove();
  });

  it('uploads with progress, then tells the summary once the provider has answered', async () => {
    api = stubApi({
      [`GET /v1/orders/${createdOrder.id}`]: [() => json({ order: pendingActivation }), () => json({ order: activeOrder })],
    });
    xhr = stubXhr([{ status: 202, body: { order: pendingActivation } }]);
    const { element, root } = await mount();
    await chooseFile(element, video());
    root.querySelector<HTMLButtonElement>('[part="upload-button"]')!.click();
    await waitUntil(() => root.querySelector('[part="progress"]'), 'no progress bar');
    await waitUntil(() => root.querySelector<HTMLProgressElement>('[part="progress"]')?.value === 50, 'progress did not move');

    const update = (await oneEvent(element, 'cover-order-update')) as CoverOrderUpdateEvent;
    expect(update.order.status).to.equal('active');
    expect(update.composed, 'stays inside the widget').to.equal(false);
    const [upload] = xhr.uploads;
    expect(upload!.url).to.equal(`${apiBase}/v1/orders/${createdOrder.id}/activation`);
    expect(upload!.headers['Authorization']).to.equal(`Bearer ${publishableKey}`);
    expect(upload!.headers['X-Client-Secret']).to.equal(createdOrder.clientSecret);
    expect((upload!.body.get('video') as File).name).to.equal('clip.mp4');
  });

  it('explains a video that is too large, and lets the shopper try again', async () => {
    xhr = stubXhr([{ status: 413, body: { error: { code: 'payload_too_large', message: 'Too large', requestId: 'r' } } }]);
    const { element, root } = await mount();
    await chooseFile(element, video());
    root.querySelector<HTMLButtonElement>('[part="upload-button"]')!.click();
    await waitUntil(() => root.querySelector('[role="alert"]')!.textContent!.includes('too large'), '413 not explained');
    expect(root.querySelector('[role="alert"]')!.textContent).to.equal(
      'This video is too large. Record a shorter clip (under 30 seconds) and try again.',
    );
    const button = root.querySelector<HTMLButtonElement>('[part="upload-button"]')!;
    expect(button.disabled).to.equal(false);
  });

  it('uses the wording it is given', async () => {
    const { root } = await mount({ 'activation.heading': 'Film your phone' });
    expect(root.querySelector('#activation-heading')!.textContent).to.equal('Film your phone');
  });
});
