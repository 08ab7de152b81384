/**
 * The kiosk player: plays a screen's slides in a hall, unattended, for months.
 *
 * - Every slide the screen may ever show is already in the page, with its
 *   schedule; the player decides by the organisation's clock what to show.
 *   Urgent notices take over while they last; outside the playlist's hours a
 *   resting slide shows the organisation, the time and the supervision phone.
 * - Content longer than the screen pages through, each page for the slide's
 *   duration; a thin line shows the time left.
 * - Pictures are copied into memory when the page loads, so the screen keeps
 *   playing whole with the network gone. Where the browser allows a service
 *   worker (https or localhost) the page also survives a reload offline.
 * - Every few minutes it asks for a small version file; a new build is
 *   fetched and prepared in the background and swapped in at the next slide
 *   boundary. If anything fails, the old content plays on.
 * - A watchdog restarts the loop when a slide's timer is overdue (after an
 *   error or a stall), reloading only when the network answers; once a night
 *   it reloads to start fresh.
 * - A visitor can pause with the space bar or a click (WCAG 2.2.2); arrow
 *   keys step through slides. A pause ends by itself after three minutes,
 *   since nobody may come back to end it. `?identify` shows the screen's name and the
 *   content version for technicians.
 */
import { pageOffsets } from '../lib/kiosk/pages.ts';
import { activeSlides, activeTakeovers, clockText, dateText, localTime, type LocalTime, type Takeover, type WhenRule } from '../lib/kiosk/schedule.ts';

interface Config {
  screen: string;
  name: string;
  version: string;
  builtAt: string;
  dataAsOf: string;
  timezone: string;
  versionUrl: string;
  pageUrl: string;
  serviceWorker: string;
  scope: string;
  checkMinutes: number;
  when?: WhenRule;
}

interface Slide {
  el: HTMLElement;
  id: string;
  duration: number;
  when?: WhenRule;
  /** For an urgent notice: its first and last day on screen. */
  from?: string;
  until?: string;
  rest: boolean;
}

interface Pending {
  stage: HTMLElement;
  config: Config;
  /** Object URLs of the build's pictures, held in memory. */
  urls: string[];
  /** The build's text outside the slides (organisation, phone, identify box), by `data-swap` key. */
  chrome: Map<string, string>;
  title: string;
  /** Every file the build's page needs, for the service worker to keep. */
  files: string[];
}

/** A visitor's pause ends by itself: the screen is unattended, and nobody may come back to resume it. */
const AUTO_RESUME_MS = 3 * 60_000;
/** A slide's timer that has not fired this long after it was due means the loop has stopped. */
const STALL_GRACE_MS = 5_000;

const $ = <T extends HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector(selector) as T | null;

function readConfig(doc: Document): Config {
  return JSON.parse(doc.getElementById('kiosk-config')?.textContent ?? '{}') as Config;
}

function readSlides(stage: HTMLElement): Slide[] {
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

/**
 * Copies every picture of `root` into memory. Returns the object URLs made
 * and the addresses they came from. For a new build (`whole`), a picture that
 * cannot be fetched fails the lot, so a half-loaded build is never shown and
 * the next check tries again; the page already showing keeps what it can.
 */
async function holdImages(root: ParentNode, whole: boolean): Promise<{ urls: string[]; sources: string[] }> {
  const images = [...root.querySelectorAll<HTMLImageElement>('img')]
    .map((img) => ({ img, source: img.currentSrc || img.src }))
    .filter(({ source }) => source && !source.startsWith('blob:'));
  const results = await Promise.allSettled(
    images.map(async ({ source }) => {
      const response = await fetch(source, { cache: 'force-cache' });
      if (!response.ok) throw new Error(`image ${source}: ${response.status}`);
      return URL.createObjectURL(await response.blob());
    }),
  );
  const held = images.flatMap((image, i) => {
    const r = results[i];
    return r?.status === 'fulfilled' ? [{ ...image, url: r.value }] : [];
  });
  if (whole && held.length < images.length) {
    for (const { url } of held) URL.revokeObjectURL(url);
    throw new Error('pictures not all loaded');
  }
  // Only now, with the copies in hand, do the pictures point at memory.
  for (const { img, url } of held) {
    img.removeAttribute('srcset');
    img.closest('picture')?.querySelectorAll('source').forEach((s) => s.remove());
    img.src = url;
  }
  return { urls: held.map((h) => h.url), sources: held.map(({ source }) => new URL(source, location.href).href) };
}

/** The style sheets, scripts and icons a page declares, as absolute addresses. */
function declaredFiles(doc: Document): string[] {
  return [...doc.querySelectorAll<HTMLElement>('script[src], link[href]')]
    .filter((el) => el.tagName === 'SCRIPT' || /\b(stylesheet|modulepreload|icon)\b/.test(el.getAttribute('rel') ?? ''))
    .map((el) => new URL(el.getAttribute('src') ?? el.getAttribute('href') ?? '', location.href).href);
}

/** The text outside the slides that a new build may change, by `data-swap` key. */
function chromeOf(doc: ParentNode): Map<string, string> {
  return new Map([...doc.querySelectorAll<HTMLElement>('[data-swap]')].map((el) => [el.dataset.swap ?? '', el.innerHTML]));
}

export function startKiosk(): void {
  const root = $('.kiosk') as HTMLElement;
  let stage = $('.kiosk-stage', root) as HTMLElement;
  const progress = $('.progress', root) as HTMLElement;
  const pausedNote = $('.paused-note', root) as HTMLElement;
  const pagesNote = $('.pages', root) as HTMLElement;
  let config = readConfig(document);
  let slides = readSlides(stage);
  let heldUrls: string[] = [];
  let pending: Pending | undefined;
  /** What a reload offline needs: this page, its files and its pictures' addresses. */
  let keepFiles: string[] = [...declaredFiles(document), ...performance.getEntriesByType('resource').map((r) => r.name)];

  let current: Slide | undefined;
  let order = -1;
  let page = 0;
  let offsets = [0];
  /** The slide's top margin, kept above every screen of a long slide. */
  let gap = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = 0;
  let remaining = 0;
  let paused = false;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Script errors seen since the page loaded, for technicians. */
  let errors = 0;
  /** Changes of what is on screen: a new slide or the next screen of a long one. */
  let transitions = 0;
  /** The last transitions, for technicians and tests; bounded, the screen runs for months. */
  const log: Array<{ slide: string; page: number; at: number; version: string }> = [];
  const record = () => {
    log.push({ slide: current?.id ?? '', page, at: Date.now(), version: config.version });
    if (log.length > 100) log.shift();
  };
  let lastReloadDay = '';
  let bar: Animation | undefined;

  const now = (): LocalTime => localTime(new Date(), config.timezone);

  /** What may play now: urgent notices if any, else the scheduled slides, else the resting slide. */
  function playable(t: LocalTime): Slide[] {
    // The same slide objects, never copies: the player recognises the slide showing by identity.
    const urgent = activeTakeovers(slides.filter((s): s is Slide & Takeover => s.from !== undefined && s.until !== undefined), t);
    if (urgent.length > 0) return urgent;
    const scheduled = activeSlides(slides.filter((s) => s.from === undefined && !s.rest), config.when, t);
    return scheduled.length > 0 ? scheduled : slides.filter((s) => s.rest);
  }

  function animateBar(ms: number, from = 0) {
    bar?.cancel();
    bar = progress.animate([{ transform: `scaleX(${from})` }, { transform: 'scaleX(1)' }], { duration: ms, easing: 'linear', fill: 'forwards' });
  }

  function schedule(ms: number) {
    clearTimeout(timer);
    started = Date.now();
    remaining = ms;
    timer = setTimeout(advance, ms);
    animateBar(ms);
  }

  function showPage() {
    const inner = $('.slide-inner', current?.el) as HTMLElement | null;
    if (inner) {
      const start = offsets[page] ?? 0;
      const end = offsets[page + 1];
      // Later screens keep the slide's top margin; what belongs to the screens
      // before and after is hidden, so a block that moved on is not shown cut.
      inner.style.transform = page > 0 ? `translateY(${-(start - gap)}px)` : '';
      inner.style.clipPath = offsets.length > 1 ? `inset(${page > 0 ? start : 0}px -50vw ${end === undefined ? 0 : Math.max(0, inner.offsetHeight - end)}px -50vw)` : '';
    }
    // Someone who looks up at a later screen still learns what it belongs to.
    // The count comes first: on a narrow screen the name is what gets cut.
    const label = page > 0 ? ` · ${current?.el.getAttribute('aria-label') ?? ''}（续）` : '';
    pagesNote.textContent = offsets.length > 1 ? `第 ${page + 1} / ${offsets.length} 屏${label}` : '';
  }

  /** Where the slide's screens begin, measured as it is laid out now. */
  function measure(slide: HTMLElement): number[] {
    const inner = $('.slide-inner', slide) as HTMLElement | null;
    if (!inner) return [0];
    inner.style.transform = '';
    inner.style.clipPath = '';
    const style = getComputedStyle(slide);
    gap = parseFloat(getComputedStyle(inner).paddingTop) || 0;
    const visible = slide.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - gap;
    const top = inner.getBoundingClientRect().top;
    const blocks = [...inner.querySelectorAll('.keep')].map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top - top, bottom: r.bottom - top };
    });
    return pageOffsets(inner.scrollHeight, visible, blocks);
  }

  /** Shows the next slide that may play now, after the one showing. */
  function next(step = 1) {
    if (pending) adopt(pending);
    const list = playable(now());
    const at = current ? list.indexOf(current) : -1;
    const index = at >= 0 ? (at + step + list.length) % list.length : step > 0 ? (order + 1) % list.length : list.length - 1;
    const slide = list[index] ?? list[0];
    if (!slide) return;
    if (current && current !== slide) current.el.hidden = true;
    current = slide;
    order = index;
    slide.el.hidden = false;
    page = 0;
    offsets = measure(slide.el);
    showPage();
    transitions += 1;
    record();
    root.dataset.current = slide.id;
    if (!paused) schedule(slide.duration);
  }

  function advance() {
    if (current && page + 1 < offsets.length) {
      page += 1;
      showPage();
      transitions += 1;
      record();
        schedule(current.duration);
      return;
    }
    next();
  }

  function setPaused(on: boolean) {
    if (on === paused) return;
    paused = on;
    pausedNote.hidden = !on;
    clearTimeout(resumeTimer);
    if (on) {
      clearTimeout(timer);
      remaining = Math.max(0, remaining - (Date.now() - started));
      bar?.pause();
      resumeTimer = setTimeout(() => setPaused(false), AUTO_RESUME_MS);
    } else {
      started = Date.now();
      timer = setTimeout(advance, remaining);
      bar?.play();
      }
  }

  // ---- The clock and the header.
  function tick() {
    const t = now();
    const clock = $('[data-clock]', root);
    const date = $('[data-date]', root);
    if (clock && clock.textContent !== clockText(t)) clock.textContent = clockText(t);
    if (date && date.textContent !== dateText(t)) date.textContent = dateText(t);
    // An urgent notice takes over at once, and gives the screen back the
    // moment it expires, without waiting for the slide to end.
    if (!paused && current) {
      const list = playable(t);
      if (!list.includes(current) && (current.from !== undefined || list[0]?.from !== undefined)) next();
    }
    // Start fresh once a night, when nobody is looking and the network answers.
    if (t.minutes >= 180 && t.minutes < 190 && lastReloadDay !== t.date && transitions > 1) {
      lastReloadDay = t.date;
      void reloadIfOnline();
    }
  }

  // ---- New builds.
  async function check() {
    try {
      const response = await fetch(config.versionUrl, { cache: 'no-store' });
      if (!response.ok) return;
      const { version } = (await response.json()) as { version: string };
      if (version === config.version || version === pending?.config.version) return;
      const html = await (await fetch(config.pageUrl, { cache: 'no-store' })).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const nextStage = $('.kiosk-stage', doc);
      const nextConfig = readConfig(doc);
      if (!nextStage || nextConfig.version !== version) return;
      const adopted = document.importNode(nextStage, true) as HTMLElement;
      for (const s of adopted.querySelectorAll<HTMLElement>('.slide')) s.hidden = true;
      const { urls, sources } = await holdImages(adopted, true);
      // A build prepared earlier and not shown yet is superseded: free its pictures.
      if (pending) for (const url of pending.urls) URL.revokeObjectURL(url);
      pending = { stage: adopted, config: nextConfig, urls, chrome: chromeOf(doc), title: doc.title, files: [...declaredFiles(doc), ...sources] };
    } catch {
      // The network or the server is away: keep playing what we have.
    }
  }

  /** Swaps in a prepared build, between two slides. */
  function adopt(prepared: Pending) {
    pending = undefined;
    stage.replaceWith(prepared.stage);
    stage = prepared.stage;
    for (const url of heldUrls) URL.revokeObjectURL(url);
    heldUrls = prepared.urls;
    config = prepared.config;
    slides = readSlides(stage);
    current = undefined;
    root.dataset.version = config.version;
    // The header, footer and identify box belong to the build too: a new
    // supervision phone must not stay old around new slides.
    for (const el of root.querySelectorAll<HTMLElement>('[data-swap]')) {
      const html = prepared.chrome.get(el.dataset.swap ?? '');
      if (html !== undefined && el.innerHTML !== html) el.innerHTML = html;
    }
    if (prepared.title) document.title = prepared.title;
    keepFiles = prepared.files;
    void keepOffline();
  }

  /**
   * Tells the service worker (where there is one) which files to keep for a
   * reload offline: the page as the newest build wrote it, and what that page
   * declares and shows. Taken from the documents rather than the browser's
   * list of loaded files, which is capped and fills up in a day of checks.
   */
  async function keepOffline() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ keep: [location.href.split('#')[0], config.pageUrl && new URL(config.pageUrl, location.href).href, ...keepFiles] });
  }

  // ---- Recovery.
  async function reloadIfOnline() {
    try {
      const response = await fetch(config.versionUrl, { cache: 'no-store' });
      if (response.ok) location.reload();
    } catch {
      // Offline: a reload would show the browser's error page. Carry on.
    }
  }

  function recover() {
    clearTimeout(timer);
    current = undefined;
    try {
      next();
    } catch {
      void reloadIfOnline();
    }
  }

  /** The loop is alive when the running slide's timer is not overdue. */
  const stalled = () => !paused && Date.now() - started > remaining + STALL_GRACE_MS;

  // An error elsewhere (a picture, an extension) must not make slides jump:
  // count it, and restart the loop only if the error has stopped it. The
  // watchdog below catches a stop that shows no error at all.
  const onError = () => {
    errors += 1;
    setTimeout(() => {
      if (stalled()) recover();
    }, STALL_GRACE_MS + 1000);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
  setInterval(() => {
    try {
      tick();
    } catch {
      errors += 1;
    }
    if (stalled()) recover();
  }, 1000);
  setInterval(() => void check(), Math.max(1, config.checkMinutes) * 60_000);

  // ---- People in front of the screen.
  document.addEventListener('keydown', (event) => {
    if (event.key === ' ' || event.key === 'p' || event.key === 'k' || event.key === 'Enter') {
      setPaused(!paused);
      event.preventDefault();
    } else if (event.key === 'ArrowRight') {
      next();
    } else if (event.key === 'ArrowLeft') {
      next(-1);
    }
  });
  root.addEventListener('click', () => setPaused(!paused));

  if (new URLSearchParams(location.search).has('identify')) ($('.identify', root) as HTMLElement).hidden = false;
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker
      .register(config.serviceWorker, { scope: config.scope })
      .then(keepOffline)
      .catch(() => undefined);
  }

  (window as unknown as { __kiosk: object }).__kiosk = {
    get transitions() {
      return transitions;
    },
    get current() {
      return current?.id;
    },
    get version() {
      return config.version;
    },
    get paused() {
      return paused;
    },
    get pages() {
      return offsets.length;
    },
    get page() {
      return page;
    },
    get log() {
      return [...log];
    },
    get errors() {
      return errors;
    },
    check,
    /** For tests of the watchdog: loses the slide timer, as a crashed loop would. */
    stall() {
      clearTimeout(timer);
    },
  };

  tick();
  next();
  void holdImages(stage, false)
    .then(({ urls, sources }) => {
      heldUrls = urls;
      keepFiles = [...keepFiles, ...sources];
      return keepOffline();
    })
    .catch(() => undefined);
}
