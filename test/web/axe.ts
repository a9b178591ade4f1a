import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core finding, serious or critical, with the elements it names. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core on the page as it is, serious and critical violations only. The source is evaluated
 * through DevTools rather than added as a script tag: the app's Content-Security-Policy allows
 * no inline script, and nothing is fetched from the network either way.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.evaluate(AXE_SOURCE);
  }
  return (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations']${rules ? `, runOnly: ${JSON.stringify(rules)}` : ''} }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  )) as AxeViolation[];
}

/** Violations as lines a reader can act on: "screen: rule (impact) — help: element, element". */
export async function axeProblems(page: Page, screen: string, rules?: string[]): Promise<string[]> {
  return (await axeViolations(page, rules)).map(
    (v) => `${screen}: ${v.id} (${v.impact}) — ${v.help}: ${v.targets.join(', ')}`,
  );
}

/**
 * The rules whose outcome depends on the words on the page: enough for a second language once the
 * first has passed every rule (contrast and structure do not change with the language).
 */
export const AXE_TEXT_RULES = [
  'aria-command-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'button-name',
  'document-title',
  'html-lang-valid',
  'image-alt',
  'input-button-name',
  'label',
  'label-content-name-mismatch',
  'link-name',
  'select-name',
  'svg-img-alt',
];
