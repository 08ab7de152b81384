/**
 * A hall screen's build: what its page holds (configuration, slides, the
 * text around them), and fetching a newer one in the background, ready to
 * swap in between two slides. If anything fails, the old content plays on.
 */
import { checkInUrl, displayIdFrom } from '#lib/kiosk/check-in.ts';
import { KIOSK_CONFIG_ID, type KioskConfig } from '#lib/kiosk/config.ts';
import type { PlaylistSlide } from '#lib/kiosk/playlist.ts';
import type { WhenRule } from '#lib/kiosk/schedule.ts';
import { declaredFiles, holdImages } from './offline.ts';

/** A slide in the page, as src/components/kiosk/SlideFrame.astro writes it. */
export interface Slide extends PlaylistSlide {
  el: HTMLElement;
  id: string;
  /** Milliseconds each screen of the slide shows. */
  duration: number;
}

/** A new build, fetched and prepared, not shown yet. */
export interface Build {
  stage: HTMLElement;
  config: KioskConfig;
  /** Object URLs of the build's pictures, held in memory. */
  urls: string[];
  /** The build's text outside the slides (organisation, phone, identify box), by `data-swap` key. */
  chrome: Map<string, string>;
  title: string;
  /** Every file the build's page needs, for the service worker to keep. */
  files: string[];
}

export function readConfig(doc: Document): KioskConfig {
  return JSON.parse(doc.getElementById(KIOSK_CONFIG_ID)?.textContent ?? '{}') as KioskConfig;
}

/** The slides of a stage, in page order: the playlist, then urgent notices, then the resting slide. */
export function readSlides(stage: HTMLElement): Slide[] {
  return [...stage.querySelectorAll<HTMLElement>('.slide')].map((el) => {
    const when = el.dataset.when ? (JSON.parse(el.dataset.when) as WhenRule) : undefined;
    const takeover = el.dataset.takeover ? (JSON.parse(el.dataset.takeover) as { from: string; until: string }) : undefined;
    return {
      el,
      id: el.dataset.slide ?? '',
      duration: Number(el.dataset.duration ?? 15) * 1000,
      ...(when ? { when } : {}),
      ...(takeover ? { from: takeover.from, until: takeover.until } : {}),
      rest: el.hasAttribute('data-rest'),
    };
  });
}

/** The text outside the slides that a new build may change, by `data-swap` key. */
function chromeOf(doc: ParentNode): Map<string, string> {
  return new Map([...doc.querySelectorAll<HTMLElement>('[data-swap]')].map((el) => [el.dataset.swap ?? '', el.innerHTML]));
}

/**
 * The version file's address for this display: it names the display (from
 * `?display=` in the screen's own address) and the build it shows, so the
 * web server's access log tells which screens are alive (`npm run screens`).
 */
export function versionCheckUrl(config: KioskConfig): string {
  return checkInUrl(config.versionUrl, { display: displayIdFrom(location.search), shows: config.version });
}

/**
 * Asks the version file whether a build other than `config`'s and
 * `prepared` (one fetched earlier, not shown yet) is out. If so, fetches its
 * page and every picture, and returns it with its slides hidden, ready to
 * swap in. Undefined when there is nothing new, or when the network, the
 * server or a picture failed: the screen keeps playing what it has, and the
 * next check tries again.
 */
export async function fetchBuild(config: KioskConfig, prepared?: string): Promise<Build | undefined> {
  try {
    const response = await fetch(versionCheckUrl(config), { cache: 'no-store' });
    if (!response.ok) return;
    const { version } = (await response.json()) as { version: string };
    if (version === config.version || version === prepared) return;
    const html = await (await fetch(config.pageUrl, { cache: 'no-store' })).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const stage = doc.querySelector<HTMLElement>('.kiosk-stage');
    const next = readConfig(doc);
    if (!stage || next.version !== version) return;
    const adopted = document.importNode(stage, true);
    for (const s of adopted.querySelectorAll<HTMLElement>('.slide')) s.hidden = true;
    const { urls, sources } = await holdImages(adopted, true);
    return { stage: adopted, config: next, urls, chrome: chromeOf(doc), title: doc.title, files: [...declaredFiles(doc), ...sources] };
  } catch {
    // The network or the server is away: keep playing what we have.
    return undefined;
  }
}

/**
 * Puts a new build's text outside the slides into the page: the header,
 * footer and identify box belong to the build too, and a new supervision
 * phone must not stay old around new slides.
 */
export function swapChrome(root: ParentNode, build: Build): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-swap]')) {
    const html = build.chrome.get(el.dataset.swap ?? '');
    if (html !== undefined && el.innerHTML !== html) el.innerHTML = html;
  }
  if (build.title) document.title = build.title;
}
