/** One row per figure: its value, the baseline beside it where there is one, and its budget. */
export interface Row {
  section: string;
  figure: string;
  value: string;
  baseline?: string;
  /** value ÷ baseline, or baseline ÷ value for throughput: always "how many times worse". */
  ratio?: string;
  budget?: string;
  /** undefined where the figure has no budget. */
  withinBudget?: boolean;
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const milliseconds = (value: number) => `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const times = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)}×`;

export function renderTable(rows: Row[]): string {
  const header = ['section', 'figure', 'value', 'baseline', 'ratio', 'budget', ''];
  const cells = rows.map((row) => [
    row.section,
    row.figure,
    row.value,
    row.baseline ?? '',
    row.ratio ?? '',
    row.budget ?? '',
    row.withinBudget === undefined ? '' : row.withinBudget ? 'ok' : 'OVER',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
