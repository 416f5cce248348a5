/** Which offer of a kind of cover is the best buy: the lowest price per month of cover (then the lower price). */
import type { Offer } from '../../../../contract/types.ts';

export const perMonth = (offer: Offer) => offer.price.amount / Math.max(1, offer.termMonths);

/** The offers of one kind, best first. */
export const bestFirst = (offers: Offer[]) =>
  [...offers].sort((left, right) => perMonth(left) - perMonth(right) || left.price.amount - right.price.amount);
