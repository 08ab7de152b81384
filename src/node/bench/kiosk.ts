/**
 * Does a hall screen grow in memory over days? Plays a screen of a built site
 * in the system Chromium with the page's clock sped up, and reads the
 * JavaScript heap and the DOM counters (after forcing garbage collection) at
 * checkpoints. Every version check is answered with a "new build" (the same
 * page under another version code), so the run also swaps content in and
 * out dozens of times, the path where a leak would most likely hide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../static-server.ts';

export interface KioskSample {
  transitions: number;
  /** Simulated hours of playing. */
  hours: number;
  heapBytes: number;
  domNodes: number;
  listeners: number;
}

export interface KioskFigures {
  screen: string;
  samples: KioskSample[];
  /** New builds adopted during the run. */
  swaps: number;
  /** Wall-clock seconds the run took. */
  seconds: number;
}

export interface KioskBenchOptions {
  siteDir: string;
  screen: string;
  chromiumPath: string;
  args: string[];
  /** Numbers of transitions at which to measure. */
  checkpoints: number[];
  /** When the simulated run starts, e.g. a Monday morning. */
  start: string;
  viewport?: { width: number; height: number };
}

export async function measureKioskMemory(options: KioskBenchOptions): Promise<KioskFigures> {
  const began = performance.now();
  const pageFile = join(options.siteDir, 'kiosk', options.screen, 'index.html');
  const html = readFileSync(pageFile, 'utf8');
  const { version } = JSON.parse(readFileSync(join(options.siteDir, 'kiosk', options.screen, 'version.json'), 'utf8')) as { version: string };
  // Two "builds" that differ only in their version code.
  const builds = [
    { version, html },
    { version: `${version}B`, html: html.replaceAll(version, `${version}B`) },
  ];
  let served = 0;

  const { server, url } = await serveStatic({ dir: options.siteDir, base: '/' });
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: options.args });
  try {
    // No service worker: requests it serves bypass the routes that play the new builds.
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1920, height: 1080 }, serviceWorkers: 'block' });
    const pageUrl = `${url}kiosk/${options.screen}/`;
    // The player adds its check-in (display, version shown) to the version file's query string.
    await page.route(
      (u) => u.href.split('?')[0] === `${pageUrl}version.json`,
      (route) => {
        served = 1 - served;
        return route.fulfill({ json: { version: builds[served]?.version } });
      },
    );
    await page.route(pageUrl, (route) => route.fulfill({ body: builds[served]?.html ?? '', contentType: 'text/html; charset=utf-8' }));
    const start = new Date(options.start);
    // An installed clock runs in real time: pausing at the very instant it
    // was installed at fails once a millisecond has passed, as it did under
    // load. Install a minute early and pause at the start, as the tests do.
    await page.clock.install({ time: new Date(start.getTime() - 60_000) });
    await page.clock.pauseAt(start);
    await page.goto(pageUrl);
    // A reload (the nightly one, or the watchdog's) would start the heap afresh
    // and hide a leak: the run must stay within one page load.
    let reloads = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) reloads += 1;
    });
    await page.waitForFunction(() => 'transitions' in ((window as unknown as { __kiosk?: object }).__kiosk ?? {}), undefined, { polling: 50 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Memory.getDOMCounters');

    const read = () =>
      page.evaluate(() => {
        const k = (window as unknown as { __kiosk: { transitions: number; version: string } }).__kiosk;
        return { transitions: k.transitions, version: k.version };
      });
    const samples: KioskSample[] = [];
    let swaps = 0;
    let lastVersion = (await read()).version;
    let elapsed = 0;
    for (const target of [...options.checkpoints].sort((a, b) => a - b)) {
      for (;;) {
        const now = await read();
        if (now.version !== lastVersion) {
          swaps += 1;
          lastVersion = now.version;
        }
        if (now.transitions >= target) break;
        await page.clock.runFor(30_000);
        elapsed += 30_000;
      }
      // Twice: the first pass can leave work for the second.
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
      samples.push({ transitions: (await read()).transitions, hours: elapsed / 3_600_000, heapBytes: heap.usedSize, domNodes: dom.nodes, listeners: dom.jsEventListeners });
    }
    if (reloads > 0) throw new Error(`the screen reloaded ${reloads} time(s) during the run; choose a start time that keeps the run clear of 03:00`);
    return { screen: options.screen, samples, swaps, seconds: (performance.now() - began) / 1000 };
  } finally {
    await browser.close();
    server.close();
  }
}
