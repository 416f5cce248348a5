/**
 * Claim scenarios for the presenter (issue 14): how the sandboxes decide the claims a shopper
 * makes on "My plans". Assurify's and Servify's sandboxes each take a scenario at
 * `/sandbox/<provider>/_scenarios` (it holds until changed or reset); Servify's also reads trigger
 * words in one claim's description.
 */
import { byId } from '../format.ts';

export const ASSURIFY_CLAIM_SCENARIOS: Record<string, string> = {
  approved: 'Approved at once, with a payout',
  rejected: 'Rejected at once, with reasons',
  pending_then_approved: 'Reviewed, then approved',
  pending_then_rejected: 'Reviewed, then rejected',
  cover_ended: 'Refused: the cover has ended',
};

export const SERVIFY_CLAIM_SCENARIOS: Record<string, string> = {
  approved: 'Visit booked, repaired, closed',
  rejected: 'Reviewed, then rejected with reasons',
  payout: 'Repaired, then paid out',
  slot_taken: 'The slot was taken meanwhile',
  cover_ended: 'Refused: outside the cover',
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
    <label>Servify handles claims
      <select id="ck-servify-claims">${Object.entries(SERVIFY_CLAIM_SCENARIOS)
        .map(([value, label]) => `<option value="${value}">${label}</option>`)
        .join('')}</select>
    </label>
    <p class="ck-note">Or, for one Servify claim, write one of these in its description — ${Object.entries(SERVIFY_CLAIM_WORDS)
      .map(([word, effect]) => `<q>${word}</q>: ${effect}`)
      .join('; ')}. Anything else is repaired. BigFix and Octamile take claims by phone or email.</p>
  </section>
`;

/** Wires one select to a sandbox's `_scenarios` control and shows what it holds now. */
async function wire(provider: 'assurify' | 'servify', labels: Record<string, string>, status: HTMLElement): Promise<void> {
  const url = `/sandbox/${provider}/_scenarios`;
  const name = provider === 'assurify' ? 'Assurify' : 'Servify';
  const select = byId<HTMLSelectElement>(`ck-${provider}-claims`);
  select.addEventListener('change', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ claims: select.value }),
    }).catch(() => null);
    status.textContent = response?.ok
      ? `${name} claims: ${labels[select.value]?.toLowerCase()}.`
      : `${name} claim scenarios are not available here (sandbox off).`;
  });
  const current = await fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<{ claims?: string }>) : null))
    .catch(() => null);
  if (current?.claims) select.value = current.claims;
}

export async function mountClaimScenarios(status: HTMLElement): Promise<void> {
  await Promise.all([wire('assurify', ASSURIFY_CLAIM_SCENARIOS, status), wire('servify', SERVIFY_CLAIM_SCENARIOS, status)]);
}
