/** The presenter drawer's markup: static text only, so it is written as HTML. */
import { claimScenariosTemplate } from './claim-scenarios.ts';
import { scenarios } from './scenarios.ts';
import { CURRENCY_DISPLAYS, LAYOUTS, LOCALES, PLAN_TYPES, PROVIDERS, SCENARIOS, THEMES } from './settings.ts';

const providerNames: Record<string, string> = { bigfix: 'BigFix', assurify: 'Assurify', servify: 'Servify', octamile: 'Octamile' };
const localeNames: Record<string, string> = {
  auto: 'Product market',
  'en-IN': 'English (India)',
  'hi-IN': 'Hindi (India)',
  'en-NG': 'English (Nigeria)',
  'en-US': 'English (US)',
};
const themeNames: Record<string, string> = { light: 'Light', dark: 'Dark', brand: 'Merchant brand (Volt orange)' };

const options = (values: readonly string[], names: Record<string, string> = {}) =>
  values.map((value) => `<option value="${value}">${names[value] ?? value}</option>`).join('');
const checkboxes = (name: string, values: readonly string[], names: Record<string, string> = {}) =>
  values
    .map((value) => `<label class="ck-check"><input type="checkbox" name="${name}" value="${value}" /> ${names[value] ?? value}</label>`)
    .join('');

export const panelTemplate = `
  <button type="button" class="ck-toggle" id="ck-toggle" aria-expanded="false" aria-controls="ck-drawer">
    <span class="ck-dot" aria-hidden="true"></span> Coverkit demo controls
  </button>
  <div class="ck-drawer" id="ck-drawer" hidden>
    <header class="ck-head">
      <strong>Coverkit demo controls</strong>
      <small>For the presenter — not part of the merchant's shop</small>
    </header>
    <section class="ck-quote" aria-labelledby="ck-quote-title">
      <h2 id="ck-quote-title">Last quote</h2>
      <ul id="ck-last-quote"><li>No quote on this page yet.</li></ul>
    </section>
    <p class="ck-status" id="ck-status" role="status" aria-live="polite"></p>
    <form class="ck-form" id="ck-form">
      <fieldset><legend>Sandbox scenario</legend>
        <div class="ck-grid">
          <label>Scenario <select name="scenario" id="ck-scenario">${SCENARIOS.map((id) => `<option value="${id}">${scenarios[id].label}</option>`).join('')}</select></label>
          <label id="ck-target-label">Provider <select name="target" id="ck-target">${options(PROVIDERS, providerNames)}</select></label>
        </div>
        <p class="ck-note" id="ck-scenario-description"></p>
      </fieldset>
      <fieldset><legend>Providers</legend><div class="ck-row" id="ck-providers">${checkboxes('providers', PROVIDERS, providerNames)}</div></fieldset>
      <fieldset><legend>Plan types</legend><div class="ck-row" id="ck-plan-types">${checkboxes('planTypes', PLAN_TYPES)}</div></fieldset>
      <div class="ck-grid">
        <label>Locale <select name="locale" id="ck-locale">${options(LOCALES, localeNames)}</select></label>
        <label>Currency shown as <select name="currencyDisplay" id="ck-currency-display">${options(CURRENCY_DISPLAYS, { symbol: 'Symbol (₹)', code: 'Code (INR)', name: 'Name (rupees)' })}</select></label>
        <label>Theme <select name="theme" id="ck-theme">${options(THEMES, themeNames)}</select></label>
        <label>Layout <select name="layout" id="ck-layout">${options(LAYOUTS)}</select></label>
      </div>
      <label>Device IMEI <small>(given to the widget; Assurify quotes only with one)</small>
        <input name="imei" id="ck-imei" inputmode="numeric" autocomplete="off" maxlength="20" spellcheck="false" />
      </label>
    </form>
    ${claimScenariosTemplate}
    <div class="ck-actions">
      <button type="button" id="ck-fill-shopper">Fill shopper details</button>
      <button type="button" id="ck-expire-tokens">Expire Servify tokens</button>
      <button type="button" id="ck-reset">Reset demo</button>
    </div>
  </div>
`;
