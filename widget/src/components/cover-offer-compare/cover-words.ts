/**
 * The insurers' own words, in the shopper's language where the catalog knows them: what a
 * plan covers arrives from the server in English, so each phrase is looked up by an id made
 * from its words (`cover.liquid-spills`); a phrase no catalog knows stays as sent.
 */
import type { Translate } from '../../internal/localize.ts';

export const coverId = (text: string) =>
  `cover.${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

export const coverLabel = (text: string, t: Translate) => t(coverId(text), text);
