/**
 * A small Prometheus registry: counters, gauges (set, or read through a callback at scrape
 * time) and histograms, with labels, rendered in the text exposition format (version 0.0.4).
 * Written here rather than taken from prom-client: the few metric kinds we use fit in one
 * file, and every instance (and every test server) keeps its own registry, never a global one.
 */
export type Labels = Record<string, string>;

interface Metric {
  readonly name: string;
  render(): string[] | Promise<string[]>;
}

export interface GaugeSeries {
  labels?: Labels;
  value: number;
}

/** `{a="1",b="2"}`, values escaped as the format asks (backslash, quote, newline). */
function formatLabels(labels: Labels, extra: Labels = {}): string {
  const entries = Object.entries({ ...labels, ...extra });
  if (entries.length === 0) return '';
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `{${entries.map(([key, value]) => `${key}="${escape(value)}"`).join(',')}}`;
}

function formatNumber(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return Number.isNaN(value) ? 'NaN' : String(value);
}

/** Series keyed by their sorted labels, so `{a,b}` and `{b,a}` are one series. */
function seriesKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([left], [right]) => left.localeCompare(right)));
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`];
}

export class Counter implements Metric {
  readonly #values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, amount = 1): void {
    const key = seriesKey(labels);
    const series = this.#values.get(key) ?? { labels, value: 0 };
    series.value += amount;
    this.#values.set(key, series);
  }

  get(labels: Labels = {}): number {
    return this.#values.get(seriesKey(labels))?.value ?? 0;
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'counter');
    for (const { labels, value } of this.#values.values()) lines.push(`${this.name}${formatLabels(labels)} ${formatNumber(value)}`);
    return lines;
  }
}

/** A gauge read at scrape time: `collect` returns (or resolves to) each series' labels and value. */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly collect: () => GaugeSeries[] | Promise<GaugeSeries[]>,
  ) {}

  async render(): Promise<string[]> {
    const lines = header(this.name, this.help, 'gauge');
    for (const { labels = {}, value } of await this.collect()) lines.push(`${this.name}${formatLabels(labels)} ${formatNumber(value)}`);
    return lines;
  }
}

/** Seconds, from 5 ms to 30 s: API requests and provider calls both fall in it. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Histogram implements Metric {
  readonly #series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = LATENCY_BUCKETS,
  ) {}

  observe(labels: Labels, value: number): void {
    const key = seriesKey(labels);
    let series = this.#series.get(key);
    if (!series) this.#series.set(key, (series = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    this.buckets.forEach((bound, index) => {
      if (value <= bound) series.counts[index]! += 1;
    });
    series.sum += value;
    series.count += 1;
  }

  /** How many observations a series has (tests). */
  count(labels: Labels): number {
    return this.#series.get(seriesKey(labels))?.count ?? 0;
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'histogram');
    for (const { labels, counts, sum, count } of this.#series.values()) {
      this.buckets.forEach((bound, index) =>
        lines.push(`${this.name}_bucket${formatLabels(labels, { le: formatNumber(bound) })} ${counts[index]}`),
      );
      lines.push(`${this.name}_bucket${formatLabels(labels, { le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${formatLabels(labels)} ${formatNumber(sum)}`);
      lines.push(`${this.name}_count${formatLabels(labels)} ${count}`);
    }
    return lines;
  }
}

export class MetricsRegistry {
  readonly #metrics: Metric[] = [];

  register<T extends Metric>(metric: T): T {
    if (this.#metrics.some((existing) => existing.name === metric.name)) throw new Error(`metric ${metric.name} registered twice`);
    this.#metrics.push(metric);
    return metric;
  }

  /** The exposition text; a gauge whose callback throws is left out rather than failing the scrape. */
  async render(): Promise<string> {
    const lines: string[] = [];
    for (const metric of this.#metrics) {
      try {
        lines.push(...(await metric.render()));
      } catch {
        continue;
      }
    }
    return `${lines.join('\n')}\n`;
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
