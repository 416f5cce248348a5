/**
 * Words, money and dates for one element, from its own `locale` and `strings` (which the
 * elements inside `<cover-offers>` receive through context), as Shoelace's
 * `LocalizeController` does. The catalog language itself is `@localized()`'s job.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Money, PlanType } from '../../../contract/types.ts';
import { formatDate, formatMoney, formatTerm, planTypeLabel, resolveLocale } from '../internal/format.ts';
import { translator } from '../internal/localize.ts';
import type { Strings, Translate } from '../internal/localize.ts';

export interface LocalizeHost extends ReactiveControllerHost {
  locale?: string;
  strings?: Strings;
}

export class LocalizeController implements ReactiveController {
  private readonly host: LocalizeHost;

  constructor(host: LocalizeHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** A valid BCP 47 tag for `Intl`: the host's `locale`, else the browser's language. */
  get locale(): string {
    return resolveLocale(this.host.locale);
  }

  /** The host's merchant wording. */
  get strings(): Strings | undefined {
    return this.host.strings;
  }

  /** A message by id: the host's override, else the active catalog, else English. */
  readonly t: Translate = (id, template) => translator(this.host.strings)(id, template);

  money(money: Money): string {
    return formatMoney(money, this.locale);
  }

  term(months: number): string {
    return formatTerm(months, this.locale);
  }

  date(isoDate: string | null | undefined): string {
    return formatDate(isoDate, this.locale);
  }

  planType(type: PlanType | string): string {
    return planTypeLabel(type, this.t);
  }
}
