/**
 * Octamile's activation: a short video of the phone, sent to Coverkit with the publishable
 * key and the order's clientSecret. Uses the widget's activation element when the loaded
 * widget has one; otherwise a plain file input does the same request.
 */
import { clientSecretOf } from '../cart.ts';
import { byId, element } from '../format.ts';

const ACTIVATION_ELEMENT = 'cover-activation';

async function upload(orderId: string, clientSecret: string, file: File): Promise<string | null> {
  const form = new FormData();
  form.append('video', file, file.name || 'activation.mp4');
  const response = await fetch(`/v1/orders/${encodeURIComponent(orderId)}/activation`, {
    method: 'POST',
    headers: { Authorization: 'Bearer pk_test_demo', 'X-Client-Secret': clientSecret },
    body: form,
  });
  if (response.ok) return null;
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  return body.error?.message ?? `Upload failed (${response.status}).`;
}

/** Shows the step for an order waiting for its video; `onSent` reloads the order. */
export function showActivationStep(orderId: string, activationCode: string | null, onSent: () => void): void {
  const section = byId('activation');
  if (section.dataset.orderId === orderId) return;
  section.dataset.orderId = orderId;
  section.hidden = false;
  const clientSecret = clientSecretOf(orderId);
  const intro = element(
    'p',
    {},
    'Octamile activates the cover once it has seen the phone working. Record a 10-second video showing the screen, the back, and the code ',
    element('strong', {}, activationCode ?? ''),
    ' written on paper, then send it here.',
  );
  if (!clientSecret) {
    section.replaceChildren(
      element('h2', {}, 'Activate your cover'),
      intro,
      element('p', { className: 'error' }, 'Open this page in the browser you paid in to send the video.'),
    );
    return;
  }
  if (customElements.get(ACTIVATION_ELEMENT)) {
    const widget = document.createElement(ACTIVATION_ELEMENT);
    widget.setAttribute('publishable-key', 'pk_test_demo');
    widget.setAttribute('order-id', orderId);
    widget.setAttribute('client-secret', clientSecret);
    widget.addEventListener('cover-activation-submit', onSent);
    section.replaceChildren(element('h2', {}, 'Activate your cover'), intro, widget);
    return;
  }
  const input = element('input', { type: 'file', accept: 'video/*', id: 'activation-video', name: 'video' });
  input.setAttribute('capture', 'environment');
  const label = element('label', { htmlFor: 'activation-video' }, 'Activation video');
  const button = element('button', { type: 'submit', id: 'activation-submit' }, 'Send video');
  const status = element('p', { id: 'activation-status', role: 'status' });
  const form = element('form', { className: 'activation-form' }, label, input, button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) {
      status.textContent = 'Choose the video first.';
      return;
    }
    button.disabled = true;
    status.textContent = 'Sending the video…';
    const problem = await upload(orderId, clientSecret, file).catch(() => 'Network problem. Please try again.');
    button.disabled = false;
    status.textContent = problem ?? 'Video sent. Octamile is reviewing it.';
    if (!problem) onSent();
  });
  section.replaceChildren(element('h2', {}, 'Activate your cover'), intro, form);
}

export function hideActivationStep(): void {
  const section = byId('activation');
  if (section.dataset.orderId && !section.hidden) {
    section.hidden = true;
  }
}
