// WCAG 2.1 AA with axe-core, on what the page shows now.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: string[];
}

export async function findAxeViolations(page: Page): Promise<AxeFinding[]> {
  // Contrast is measured on what stays on screen: let fades (a toast coming in) finish first.
  await page.evaluate(() =>
    Promise.race([
      // A cancelled animation rejects `finished`: it is over all the same.
      // Spinners loop for ever: wait only for animations that end.
      Promise.allSettled(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
          .map((animation) => animation.finished),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Fluent's focus manager (tabster) puts aria-hidden focus sentinels (<i tabindex="0"
    // data-tabster-dummy>) around focus groups; they pass focus on and are never read out.
    .exclude('[data-tabster-dummy]')
    .analyze();
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
}
