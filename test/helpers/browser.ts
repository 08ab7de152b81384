/** The system Chromium, driven by playwright-core, for browser tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '#node/chromium.ts';

/**
 * The system Chromium, headless, with the flags this machine needs and any
 * `extra` ones. Its contexts and pages have no time limits of their own
 * (Playwright's default is 30 s for every wait and navigation, 3 minutes for
 * the launch): on a busy machine a page may take longer than that to load,
 * and a test that hangs is stopped by Vitest's limit for the test.
 */
export async function launch(extra: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extra], timeout: 0 });
  // browser.newPage() goes through newContext() too.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(0);
    return context;
  };
  return browser;
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeText: string | undefined;
const axeSource = () => (axeText ??= readFileSync(axePath, 'utf8'));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core with the WCAG 2.2 A and AA rules, or only the `rules` named; returns the violations. */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: every
  // page carries a Content-Security-Policy that blocks inline scripts it does
  // not list (src/lib/csp.ts), and a test must not loosen the page it checks.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource());
  return page.evaluate(async (only) => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
    const result = await axe.run(document, { runOnly });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, rules);
}

/** How far the page can scroll sideways, in CSS pixels (0 means it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Scrolls through the page so that lazy images load as a reader's would, then
 * waits until every image has either arrived or failed: one still deferred
 * (out of view, or in a closed section) is asked for at once. No time limit:
 * each image ends in a load or an error event, however busy the machine.
 */
export async function loadAllImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
    window.scrollTo(0, 0);
    await Promise.all(
      [...document.images]
        .filter((img) => !img.complete)
        .map((img) => {
          const settled = new Promise((r) => {
            img.addEventListener('load', r, { once: true });
            img.addEventListener('error', r, { once: true });
          });
          img.loading = 'eager';
          return settled;
        }),
    );
  });
}
