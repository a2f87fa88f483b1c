import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeFinding = {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** The first element's markup and axe's reason (for colour contrast: the colours and the ratio). */
  detail: string;
};

/**
 * Resolves once no finite animation or transition runs in the page (a spinner's endless one does
 * not count): colours read mid-fade are neither the start's nor the end's, and axe would judge a
 * frame nobody sees for long. Polled, bounded: a page that never settles fails the check instead.
 */
export async function animationsDone(page: Page, timeoutMs = 10_000): Promise<void> {
  // Polled by evaluate, not waitForFunction: the app's CSP refuses the eval that one needs with a
  // string, and this file is compiled without the DOM's types.
  const deadline = Date.now() + timeoutMs;
  while (
    !(await page.evaluate(
      `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`,
    ))
  ) {
    if (Date.now() > deadline) throw new Error(`animations still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs axe-core in the page (evaluated over the DevTools protocol, so the app's CSP stays as it is)
 * and answers the serious and critical findings, each with the elements it names.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  await animationsDone(page);
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Violation = {
      id: string;
      impact: string;
      help: string;
      nodes: { target: string[]; html: string; failureSummary?: string }[];
    };
    const axe = (
      globalThis as unknown as {
        axe: { run: (c: object, o: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    // Tabster's focus-trap sentinels (aria-hidden, focusable by design) are Fluent's, not ours.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
        detail: `${v.nodes[0]?.html.slice(0, 200) ?? ''} ${v.nodes[0]?.failureSummary ?? ''}`
          .replace(/\s+/g, ' ')
          .trim(),
      }));
  });
}
