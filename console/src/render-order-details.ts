/** The facts of an order an operator acts on, as a definition list, and its timeline. */
import { css, html, nothing } from 'lit';
import type { Money, OperatorClaim, OperatorOrder } from './console-types.ts';

export const detailStyles = css`
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.2rem 0.9rem;
  }
  dt {
    color: var(--ck-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-bottom: 0.3rem;
    }
  }
  dl.claim {
    padding-bottom: 0.5rem;
    border-bottom: 1px dashed var(--ck-border);
  }
  ol {
    margin: 0.4rem 0 0;
    padding-left: 1.2rem;
  }
  summary {
    cursor: pointer;
    color: var(--ck-accent);
  }
`;

export function renderOrderDetails(
  order: OperatorOrder,
  formatDate: (iso: string | null) => string,
  formatMoney: (money: Money) => string,
) {
  const references = order.policy ? Object.entries(order.policy.providerReferences) : [];
  const facts: [string, unknown][] = [
    ['Plan', `${order.plan.name} (${order.plan.type}, ${order.plan.termMonths} months)`],
    ['Quoted price', formatMoney(order.price)],
    ['Charged by provider', order.chargedPrice ? formatMoney(order.chargedPrice) : null],
    ['Payment reference', order.paymentReference ? html`<span class="mono">${order.paymentReference}</span>` : null],
    ['Policy reference', order.policy ? html`<span class="mono">${order.policy.reference}</span>` : null],
    ...references.map(([name, value]): [string, unknown] => [`${order.providerName} ${name}`, html`<span class="mono">${value}</span>`]),
    [
      'Failure',
      order.failureKind || order.failureReason
        ? `${order.failureKind ?? ''}${order.failureReason ? ` — ${order.failureReason}` : ''}`
        : null,
    ],
    ['Device', `${order.device.brand} ${order.device.model}`],
    ['IMEI', order.device.imei ? html`<span class="mono">${order.device.imei}</span>` : null],
    ['Serial', order.device.serial ? html`<span class="mono">${order.device.serial}</span>` : null],
    ['Phone', order.customer.phone ? html`<span class="mono">${order.customer.phone}</span>` : null],
    ['Merchant', order.merchantId],
    ...Object.entries(order.metadata).map(([key, value]): [string, unknown] => [
      `Metadata ${key}`,
      html`<span class="mono">${value}</span>`,
    ]),
    ['Refunded', order.refundedAt ? `${formatDate(order.refundedAt)}${order.refundNote ? ` — ${order.refundNote}` : ''}` : null],
  ];
  return html`<dl>
      ${facts
        .filter(([, value]) => value !== null && value !== '')
        .map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd>${value}</dd>`,
        )}
    </dl>
    <details>
      <summary>Timeline</summary>
      <ol class="timeline">
        ${order.timeline.map((entry) => html`<li>${entry.at ? html`<time datetime=${entry.at}>${formatDate(entry.at)}</time> ` : nothing}${entry.what}</li>`)}
      </ol>
    </details>`;
}

/** The claim a queue row is about: its status, the provider's references and dates (never the shopper's words). */
export function renderClaimDetails(claim: OperatorClaim, formatDate: (iso: string | null) => string) {
  const facts: [string, unknown][] = [
    ['Claim', html`<span class="mono">${claim.id}</span>`],
    ['Claim status', `${claim.status.replace('_', ' ')} (${claim.type.replace('_', ' ')})`],
    ['Provider claim reference', claim.reference ? html`<span class="mono">${claim.reference}</span>` : 'none yet'],
    ...Object.entries(claim.providerReferences).map(([name, value]): [string, unknown] => [name, html`<span class="mono">${value}</span>`]),
    ['Incident date', claim.incidentDate],
    ['Claimed', formatDate(claim.createdAt)],
  ];
  return html`<dl class="claim">
    ${facts.map(
      ([label, value]) =>
        html`<dt>${label}</dt>
          <dd>${value}</dd>`,
    )}
  </dl>`;
}
