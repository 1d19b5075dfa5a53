// axe-core over the real UI (tests/a11y.spec.ts): each scan records every serious or critical
// violation with the state it was found in, so one failing test lists all of them (rule id,
// impact, the element and axe's help) instead of stopping at the first.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const blocking = new Set(['serious', 'critical']);

export class Audit {
  readonly found: string[] = [];
  scans = 0;

  constructor(private page: Page) {}

  /** Runs axe on the whole page as it is now; `state` names what is on screen. */
  async scan(state: string) {
    // Let transitions (the switch, the progress fill) settle so colours are final.
    await this.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
    const results = await new AxeBuilder({ page: this.page }).analyze();
    this.scans++;
    for (const violation of results.violations) {
      if (!blocking.has(violation.impact ?? '')) continue;
      for (const node of violation.nodes) {
        const why = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
        this.found.push(`${state}: ${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}. ${why}`);
      }
    }
  }

  expectClean() {
    expect(this.scans, 'the audit scanned nothing').toBeGreaterThan(0);
    expect(this.found.length, `serious or critical accessibility violations:\n${this.found.join('\n')}\n`).toBe(0);
  }
}
