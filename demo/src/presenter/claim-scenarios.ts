/**
 * Claim scenarios for the presenter (issue 14): how the sandboxes decide the claims a shopper
 * makes on "My plans". Assurify's sandbox takes a scenario at `/sandbox/assurify/_scenarios`
 * (it holds until changed or reset); Servify's reads trigger words in the claim's description.
 */
import { byId } from '../format.ts';

export const ASSURIFY_CLAIM_SCENARIOS: Record<string, string> = {
  approved: 'Approved at once, with a payout',
  rejected: 'Rejected at once, with reasons',
  pending_then_approved: 'Reviewed, then approved',
  pending_then_rejected: 'Reviewed, then rejected',
  cover_ended: 'Refused: the cover has ended',
};

/** Servify's sandbox steers a claim by these words in its description; anything else is repaired. */
export const SERVIFY_CLAIM_WORDS: Record<string, string> = {
  payout: 'repaired, then paid out (beyond economical repair)',
  rejected: 'rejected with reasons',
  'slot taken': 'the visit slot was taken meanwhile',
  'cover ended': 'refused: the loss came after the cover',
};

export const claimScenariosTemplate = `
  <section class="ck-claims" aria-labelledby="ck-claims-title">
    <h2 id="ck-claims-title">Claim scenarios <small>(My plans)</small></h2>
    <label>Assurify decides claims
      <select id="ck-assurify-claims">${Object.entries(ASSURIFY_CLAIM_SCENARIOS)
        .map(([value, label]) => `<option value="${value}">${label}</option>`)
        .join('')}</select>
    </label>
    <p class="ck-note">Servify: write one of these in the claim's description — ${Object.entries(SERVIFY_CLAIM_WORDS)
      .map(([word, effect]) => `<q>${word}</q>: ${effect}`)
      .join('; ')}. Anything else is repaired. BigFix and Octamile take claims by phone or email.</p>
  </section>
`;

const scenariosUrl = '/sandbox/assurify/_scenarios';

/** Wires the select to Assurify's sandbox and shows what it holds now. */
export async function mountClaimScenarios(status: HTMLElement): Promise<void> {
  const select = byId<HTMLSelectElement>('ck-assurify-claims');
  select.addEventListener('change', async () => {
    const response = await fetch(scenariosUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ claims: select.value }),
    }).catch(() => null);
    status.textContent = response?.ok
      ? `Assurify claims: ${ASSURIFY_CLAIM_SCENARIOS[select.value]?.toLowerCase()}.`
      : 'Assurify claim scenarios are not available here (sandbox off).';
  });
  const current = await fetch(scenariosUrl)
    .then((response) => (response.ok ? (response.json() as Promise<{ claims?: string }>) : null))
    .catch(() => null);
  if (current?.claims) select.value = current.claims;
}
