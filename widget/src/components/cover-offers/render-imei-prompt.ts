/**
 * "Enter your IMEI to see plans from N more insurers": some providers (Assurify, Servify) only price a
 * phone once they know which one it is, and say so with `needs_imei`.
 */
import { html, nothing } from 'lit';
import { str } from '../../internal/localize.ts';
import type { Translate } from '../../internal/localize.ts';
import { loadSchemas } from '../../internal/load-steps.ts';
import { localizeFieldError } from '../../internal/validation-messages.ts';

export interface ImeiPromptState {
  count: number;
  error: string;
  pending: boolean;
  t: Translate;
  onSubmit: (value: string) => void;
}

export function renderImeiPrompt({ count, error, pending, t, onSubmit }: ImeiPromptState) {
  if (count === 0) return nothing;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('imei') as HTMLInputElement;
    onSubmit(input.value);
  };
  // `count` is insurers, not plans: each may quote several once it knows the IMEI.
  const label =
    count === 1
      ? t('imei.prompt-insurer', 'Enter your IMEI to see plans from 1 more insurer')
      : t('imei.prompt-insurers', str`Enter your IMEI to see plans from ${count} more insurers`);
  return html`<form class="imei-prompt" part="imei-prompt" novalidate @submit=${submit}>
    <label for="prompt-imei" part="label">${label}</label>
    <p id="prompt-imei-hint" class="hint" part="hint">${t('imei.hint', 'Dial *#06# on the phone to see it')}</p>
    <div class="imei-row">
      <input
        id="prompt-imei"
        part="input"
        name="imei"
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        maxlength="17"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'prompt-imei-hint prompt-imei-error' : 'prompt-imei-hint'}
      />
      <button class="secondary-button" part="imei-button" ?disabled=${pending}>${t('imei.submit', 'Show plans')}</button>
    </div>
    <p id="prompt-imei-error" class="field-error" part="field-error" ?hidden=${!error}>${error ? localizeFieldError(error, t) : ''}</p>
  </form>`;
}

/**
 * The IMEI the shopper typed, checked with the shared schema (loaded on demand: the offer
 * view ships without zod), or the message to show under the prompt.
 */
export async function checkImei(value: string, t: Translate): Promise<{ imei: string } | { error: string }> {
  const { imeiSchema } = await loadSchemas();
  const result = imeiSchema.safeParse(value.replace(/[\s-]/g, ''));
  if (result.success) return { imei: result.data };
  return { error: result.error.issues[0]?.message ?? t('imei.invalid', 'This IMEI is not valid: check the digits') };
}
