/** The tokens `<cover-policy>` sets on itself: the same as `<cover-offers>` (internal/theme-tokens.ts). */
export { themeTokens as policyHostStyles } from '../../internal/theme-tokens.ts';
