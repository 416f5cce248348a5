import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './console-styles.ts';
import type { OutcomeCounts, ProviderHealth } from './console-types.ts';

const CIRCUIT_LABEL = { closed: 'Circuit closed', open: 'Circuit open: calls refused', half_open: 'Circuit half-open: testing' } as const;

/**
 * @summary Each provider's last hour on this instance: calls that went well, that the
 * provider refused, that met an outage or an answer its doc does not describe; the circuit's state.
 */
@customElement('ck-provider-health')
export class CkProviderHealth extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ck-space);
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      }
      li {
        background: var(--ck-surface);
        border: 1px solid var(--ck-border);
        border-radius: var(--ck-radius);
        padding: var(--ck-space);
        display: grid;
        gap: 0.4rem;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .circuit {
        font-size: 0.85rem;
        font-weight: 600;
        color: var(--ck-ok);
      }
      .circuit.open,
      .circuit.half_open {
        color: var(--ck-danger);
      }
      dl {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        margin: 0;
        text-align: center;
      }
      dt {
        font-size: 0.8rem;
        color: var(--ck-muted);
      }
      dd {
        margin: 0;
        font-size: 1.2rem;
        font-variant-numeric: tabular-nums;
      }
      dd.bad {
        color: var(--ck-danger);
      }
    `,
  ];

  @property({ attribute: false }) providers: ProviderHealth[] = [];

  private renderCounts(total: OutcomeCounts) {
    const cells: [string, number, boolean][] = [
      ['OK', total.ok, false],
      ['Refused', total.refused, false],
      ['Outage', total.outage, total.outage > 0],
      ['Unknown', total.unknown, total.unknown > 0],
    ];
    return html`<dl>
      ${cells.map(
        ([label, count, bad]) =>
          html`<div>
            <dt>${label}</dt>
            <dd class=${bad ? 'bad' : ''}>${count}</dd>
          </div>`,
      )}
    </dl>`;
  }

  override render() {
    return html`<ul>
      ${this.providers.map(
        (provider) =>
          html`<li data-provider=${provider.id}>
            <h3>${provider.name} <span class="muted">${provider.mode}</span></h3>
            <span class="circuit ${provider.circuit}">${CIRCUIT_LABEL[provider.circuit]}</span>
            ${this.renderCounts(provider.lastHour.total)}
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ck-provider-health': CkProviderHealth;
  }
}
