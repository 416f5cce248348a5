/**
 * Runs axe-core over an element and everything in its (open) shadow roots — axe walks
 * shadow DOM itself — and fails with a readable list of violations.
 */
import 'axe-core/axe.js';
import type { AxeResults } from 'axe-core';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

export async function expectNoAxeViolations(element: Element, state: string): Promise<void> {
  const results: AxeResults = await window.axe.run(element, {
    // WCAG 2.2 A and AA, plus axe's best practices that apply to a fragment.
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
  });
  const problems = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary}`).join('\n  ')}`,
  );
  if (problems.length > 0) throw new Error(`axe found ${problems.length} violation(s) in state "${state}":\n${problems.join('\n')}`);
}
