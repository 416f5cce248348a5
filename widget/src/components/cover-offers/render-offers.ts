/**
 * The choosing step of `<cover-offers>`: the offers (or why there are none), the IMEI
 * prompt for providers that need one, "No thanks", and the form for the picked offer.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Offer, QuoteResponse } from '../../../../contract/types.ts';
import type { CoverOfferSelectEvent } from '../../events/cover-offer-select-event.ts';
import type { Strings, Translate } from '../../internal/localize.ts';
import { renderImeiPrompt } from './render-imei-prompt.ts';
import { insurersUnreachable, renderCoveredNotes, renderDeclined, renderEmpty, renderOutage } from './render-states.ts';

const listParts =
  'offers, group, group-heading, offer, offer-selected, offer-type, offer-name, more-button, why, compare, compare-table, terms-link, price';

export interface OffersView {
  response: QuoteResponse;
  /** The offers left after the `providers` and `plan-types` filters. */
  offers: Offer[];
  /** Providers (allowed by `providers`) that could quote once they know the IMEI. */
  needsImei: number;
  pending: boolean;
  declined: boolean;
  selected: Offer | undefined;
  compact: boolean;
  imeiError: string;
  /** The widget's `locale` and `strings`, passed on to the list (which the offer view renders at once, without context). */
  locale: string;
  strings: Strings | undefined;
  t: Translate;
  /** The details form for the selected offer. */
  form: (offer: Offer) => TemplateResult;
  onSelect: (event: CoverOfferSelectEvent) => void;
  /** Start fetching the form while the shopper is still reading the offers. */
  onPreload: () => void;
  onImei: (value: string) => void;
  onDecline: () => void;
  onShowAgain: () => void;
  /** Quote again (after an outage). */
  onRetry: () => void;
}

export function renderOffers(view: OffersView) {
  const { response, offers, needsImei, pending, selected, t } = view;
  if (offers.length === 0 && insurersUnreachable(response.unavailable)) return renderOutage(view.onRetry, t);
  if (offers.length === 0 && response.unavailable.every((entry) => entry.code !== 'needs_imei'))
    return html`${renderEmpty(t)}${renderCoveredNotes(response.unavailable)}`;
  if (view.declined) return renderDeclined(view.onShowAgain, t);
  return html`
    ${offers.length === 0 ? renderEmpty(t) : nothing}
    <cover-offer-list
      exportparts=${listParts}
      aria-busy=${pending ? 'true' : 'false'}
      .offers=${offers}
      selected-offer-id=${selected?.offerId ?? ''}
      ?compact=${view.compact}
      locale=${view.locale}
      .strings=${view.strings}
      @cover-offer-select=${view.onSelect}
      @focusin=${view.onPreload}
      @pointerover=${view.onPreload}
    ></cover-offer-list>
    ${renderCoveredNotes(response.unavailable)}
    ${renderImeiPrompt({ count: needsImei, error: view.imeiError, pending, t, onSubmit: view.onImei })}
    <button class="text-button decline" part="decline-button" @click=${view.onDecline}>
      ${t('offers.decline', "No thanks, I don't want a plan")}
    </button>
    ${
      selected
        ? html`<hr />
            ${view.form(selected)}`
        : nothing
    }
  `;
}
