/** One row per figure: its value, the baseline beside it where there is one, and its budget. */
export interface Row {
  section: string;
  figure: string;
  value: string;
  baseline?: string;
  /** How the value stands against its baseline or goal, in words ("4.5 %", "1.6× the goal"). */
  ratio?: string;
  /** The goal or budget (printed in the `goal` column). */
  budget?: string;
  /** undefined where the figure has no budget. */
  withinBudget?: boolean;
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const milliseconds = (value: number) => `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const times = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)}×`;

export function renderTable(rows: Row[]): string {
  const header = ['section', 'figure', 'value', 'baseline', 'goal', 'ratio', 'ok/over'];
  const cells = rows.map((row) => [
    row.section,
    row.figure,
    row.value,
    row.baseline ?? '',
    row.budget ?? '',
    row.ratio ?? '',
    row.withinBudget === undefined ? '' : row.withinBudget ? 'ok' : 'OVER',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
