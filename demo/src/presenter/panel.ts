/**
 * The presenter drawer: switches what the shop tells the widget (providers, locale, theme,
 * layout, IMEI) and sets sandbox scenarios through the sandbox control routes. Pages
 * subscribe with `onChange`; every choice is saved in localStorage.
 */
import type { CoverOffersLoadDetail } from '../../../widget/src/events/cover-offers-load-event.ts';
import { byId, element } from '../format.ts';
import { mountClaimScenarios } from './claim-scenarios.ts';
import { fillShopperDetails } from './fill-shopper.ts';
import { panelTemplate } from './panel-template.ts';
import { expireServifyTokens, resetSandboxes, scenarios, syncFaults } from './scenarios.ts';
import { clearSettings, defaultSettings, loadSettings, saveSettings, type PresenterSettings } from './settings.ts';

type Listener = (settings: PresenterSettings, changed: ReadonlySet<keyof PresenterSettings>) => void;

export interface Presenter {
  readonly settings: PresenterSettings;
  onChange(listener: Listener): void;
}

function applyShopTheme(settings: PresenterSettings): void {
  document.documentElement.dataset.shopTheme = settings.theme;
}

function readForm(form: HTMLFormElement, current: PresenterSettings): PresenterSettings {
  const data = new FormData(form);
  return {
    ...current,
    providers: data.getAll('providers') as PresenterSettings['providers'],
    planTypes: data.getAll('planTypes') as PresenterSettings['planTypes'],
    locale: data.get('locale') as PresenterSettings['locale'],
    currencyDisplay: data.get('currencyDisplay') as PresenterSettings['currencyDisplay'],
    theme: data.get('theme') as PresenterSettings['theme'],
    layout: data.get('layout') as PresenterSettings['layout'],
    imei: String(data.get('imei') ?? '').trim(),
    scenario: data.get('scenario') as PresenterSettings['scenario'],
    target: data.get('target') as PresenterSettings['target'],
  };
}

function writeForm(form: HTMLFormElement, settings: PresenterSettings): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    input.checked = (settings[input.name as 'providers' | 'planTypes'] as string[]).includes(input.value);
  }
  for (const name of ['locale', 'currencyDisplay', 'theme', 'layout', 'imei', 'scenario', 'target'] as const) {
    (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = settings[name];
  }
  const scenario = scenarios[settings.scenario];
  byId('ck-scenario-description').textContent = scenario.description;
  byId('ck-target-label').hidden = !scenario.usesTarget;
}

function showQuote({ offers, unavailable }: CoverOffersLoadDetail): void {
  const counts = new Map<string, number>();
  for (const offer of offers) counts.set(offer.provider, (counts.get(offer.provider) ?? 0) + 1);
  const lines = [...counts].map(([provider, count]) =>
    element('li', { className: 'ck-ok', dataset: { provider } }, `${provider}: ${count} offer${count === 1 ? '' : 's'}`),
  );
  for (const entry of unavailable) {
    lines.push(
      element(
        'li',
        { className: 'ck-unavailable', dataset: { provider: entry.provider } },
        `${entry.provider} unavailable — ${entry.code}: ${entry.message}`,
      ),
    );
  }
  if (lines.length === 0) lines.push(element('li', {}, 'No provider answered.'));
  byId('ck-last-quote').replaceChildren(...lines);
}

export async function mountPresenter(): Promise<Presenter> {
  let settings = loadSettings();
  const listeners: Listener[] = [];
  const root = element('aside', { id: 'coverkit-demo-controls', className: 'ck-presenter' });
  root.setAttribute('aria-label', 'Coverkit demo controls');
  root.innerHTML = panelTemplate;
  document.body.append(root);
  const form = byId<HTMLFormElement>('ck-form');
  const toggle = byId<HTMLButtonElement>('ck-toggle');
  const drawer = byId('ck-drawer');
  const status = byId('ck-status');

  const render = () => {
    writeForm(form, settings);
    drawer.hidden = !settings.open;
    toggle.setAttribute('aria-expanded', String(settings.open));
    applyShopTheme(settings);
  };
  const update = async (next: PresenterSettings) => {
    const changed = new Set(
      (Object.keys(next) as (keyof PresenterSettings)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(settings[key])),
    );
    if (changed.size === 0) return;
    settings = next;
    saveSettings(settings);
    render();
    if (changed.has('scenario') || changed.has('target'))
      status.textContent = (await syncFaults(settings.scenario, settings.target)) || 'Scenario off: every sandbox answers normally.';
    for (const listener of listeners) listener(settings, changed);
  };

  toggle.addEventListener('click', () => void update({ ...settings, open: !settings.open }));
  form.addEventListener('change', () => void update(readForm(form, settings)));
  form.addEventListener('submit', (event) => event.preventDefault());
  byId('ck-fill-shopper').addEventListener('click', () => {
    status.textContent = fillShopperDetails(scenarios[settings.scenario].lastName);
  });
  byId('ck-expire-tokens').addEventListener('click', async () => {
    status.textContent = await expireServifyTokens();
  });
  byId('ck-reset').addEventListener('click', async () => {
    clearSettings();
    sessionStorage.clear();
    const sandboxes = await resetSandboxes();
    await update({ ...defaultSettings(), open: settings.open });
    status.textContent = `Demo reset: defaults, empty cart, no faults, ${sandboxes}.`;
  });
  document.addEventListener('cover-offers-load', (event) => showQuote(event.detail));
  document.addEventListener('cover-error', (event) => {
    status.textContent = `Widget error: ${(event as CustomEvent<{ code: string; message: string }>).detail.message}`;
  });

  render();
  void mountClaimScenarios(status);
  // Faults live in the server's memory: after a restart (or on another machine) the saved
  // scenario is applied again before the page asks for offers. With no fault to set, the page
  // does not wait for the clearing round trip: offers show sooner (the bench's first row).
  const syncing = syncFaults(settings.scenario, settings.target).then((synced) => {
    if (synced) status.textContent = synced;
  });
  if (scenarios[settings.scenario].fault) await syncing;
  return {
    get settings() {
      return settings;
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
