// Runs axe-core (WCAG 2 A/AA rules) inside a page and returns the serious and critical findings.
import type { AxeResults } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AccessibilityFinding {
  rule: string;
  help: string;
  targets: string[];
}

/**
 * The seat map is excluded: it is one role="img" with a label, and scanning its 12k circles
 * would only slow the check down.
 */
export const findAccessibilityProblems = async (page: Page): Promise<AccessibilityFinding[]> => {
  // Evaluated, not added as a <script>: the app's CSP (script-src 'self') refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => {
    const { axe } = window as unknown as {
      axe: { run: (...args: unknown[]) => Promise<AxeResults> };
    };
    return axe.run(
      { exclude: [['[data-testid="seat-map"]']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
};
