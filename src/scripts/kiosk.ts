/**
 * The kiosk player: plays a screen's slides in a hall, unattended, for months.
 *
 * - Every slide the screen may ever show is already in the page, with its
 *   schedule; the player decides by the organisation's clock what to show
 *   (src/lib/kiosk/playlist.ts). Urgent notices take over while they last;
 *   outside the playlist's hours a resting slide shows the organisation, the
 *   time and the supervision phone. Days written 工作日 or 节假日 are read
 *   from the holiday arrangements in the page: on a day the screen's
 *   schedule leaves out, the resting slide says 今日休息 and when the hall
 *   opens again, and the date names the holiday or the 调休 working day.
 * - Content longer than the screen pages through, each page for the slide's
 *   duration (kiosk/pager.ts); a thin line shows the time left (kiosk/timer.ts).
 * - Pictures are copied into memory when the page loads, so the screen keeps
 *   playing whole with the network gone. Where the browser allows a service
 *   worker (https or localhost) the page also survives a reload offline
 *   (kiosk/offline.ts).
 * - Every few minutes it asks for a small version file; a new build is
 *   fetched and prepared in the background and swapped in at the next slide
 *   boundary (kiosk/builds.ts). If anything fails, the old content plays on.
 * - A watchdog restarts the loop when a slide's timer is overdue (after an
 *   error or a stall), reloading only when the network answers; once a night
 *   it reloads to start fresh.
 * - A visitor can pause with the space bar or a click (WCAG 2.2.2); arrow
 *   keys step through slides. A pause ends by itself after three minutes,
 *   since nobody may come back to end it. `?identify` shows the screen's name
 *   and the content version for technicians.
 */
import { nextPlace, nightlyReloadDue, PAUSE_MINUTES, playable, takeoverChanged } from '#lib/kiosk/playlist.ts';
import { closedDay, closedText, clockText, dateText, dayNote, localTime, type LocalTime } from '#lib/kiosk/schedule.ts';
import { fetchBuild, readConfig, readSlides, swapChrome, versionCheckUrl, type Build, type Slide } from './kiosk/builds.ts';
import { declaredFiles, holdImages, keepOffline, registerWorker } from './kiosk/offline.ts';
import { measure, showPage, type Layout } from './kiosk/pager.ts';
import { slideTimer } from './kiosk/timer.ts';

/** A slide's timer that has not fired this long after it was due means the loop has stopped. */
const STALL_GRACE_MS = 5_000;

/** Writes `text` into `el` when it differs: the clock and date are set every second, the page changed only when they change. */
function setText(el: HTMLElement | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/**
 * Space, `p`, `k` or Enter, or a click on the screen, pause and resume
 * (`togglePause`); the right and left arrows step to the next and previous
 * slide (`step`).
 */
function listenToVisitors(root: HTMLElement, togglePause: () => void, step: (by: number) => void): void {
  document.addEventListener('keydown', (event) => {
    if (event.key === ' ' || event.key === 'p' || event.key === 'k' || event.key === 'Enter') {
      togglePause();
      event.preventDefault();
    } else if (event.key === 'ArrowRight') {
      step(1);
    } else if (event.key === 'ArrowLeft') {
      step(-1);
    }
  });
  root.addEventListener('click', togglePause);
}

/** Reloads the page, but only when the server answers: offline, a reload would show the browser's error page. */
async function reloadIfOnline(versionUrl: string): Promise<void> {
  try {
    const response = await fetch(versionUrl, { cache: 'no-store' });
    if (response.ok) location.reload();
  } catch {
    // Offline: carry on.
  }
}

export function startKiosk(): void {
  const root = document.querySelector('.kiosk') as HTMLElement;
  const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
  let stage = $('.kiosk-stage') as HTMLElement;
  const pausedNote = $('.paused-note') as HTMLElement;
  const pagesNote = $('.pages') as HTMLElement;
  const timer = slideTimer($('.progress') as HTMLElement, advance);

  // ---- The build showing, and the one prepared to replace it.
  let config = readConfig(document);
  let slides = readSlides(stage);
  let heldUrls: string[] = [];
  let prepared: Build | undefined;
  /** What a reload offline needs: this page, its files and its pictures' addresses. */
  let keepFiles: string[] = [...declaredFiles(document), ...performance.getEntriesByType('resource').map((r) => r.name)];

  // ---- What is on screen.
  let current: Slide | undefined;
  /** The place `current` had among the slides that could play when it was chosen. */
  let order = -1;
  /** The screens of `current`, and the one showing. */
  let layout: Layout = { screens: 1, width: 0, gap: 0 };
  let page = 0;
  let paused = false;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;

  // ---- For technicians and tests.
  /** Script errors seen since the page loaded. */
  let errors = 0;
  /** Changes of what is on screen: a new slide or the next screen of a long one. */
  let transitions = 0;
  /** The last transitions; bounded, the screen runs for months. */
  const log: Array<{ slide: string; page: number; at: number; version: string }> = [];
  let lastReloadDay = '';

  const now = (): LocalTime => localTime(new Date(), config.timezone);

  /** Counts a change of what is on screen, and keeps it in the log. */
  function shown() {
    transitions += 1;
    log.push({ slide: current?.id ?? '', page, at: Date.now(), version: config.version });
    if (log.length > 100) log.shift();
  }

  /** Shows the slide `step` on from the one showing among those that may play now, after swapping in a prepared build. */
  function next(step = 1) {
    if (prepared) adopt(prepared);
    const list = playable(slides, config.when, now(), config.calendar);
    const index = nextPlace(list, current, order, step);
    const slide = list[index];
    if (!slide) return;
    if (current && current !== slide) current.el.hidden = true;
    current = slide;
    order = index;
    slide.el.hidden = false;
    page = 0;
    layout = measure(slide.el);
    showPage(slide.el, layout, page, pagesNote, config.strings);
    shown();
    root.dataset.current = slide.id;
    if (!paused) timer.start(slide.duration);
  }

  /** When the time of a screen is up: the next screen of a long slide, or the next slide. */
  function advance() {
    if (current && page + 1 < layout.screens) {
      page += 1;
      showPage(current.el, layout, page, pagesNote, config.strings);
      shown();
      timer.start(current.duration);
      return;
    }
    next();
  }

  /** Pauses or resumes; a pause ends by itself after PAUSE_MINUTES. */
  function setPaused(on: boolean) {
    if (on === paused) return;
    paused = on;
    pausedNote.hidden = !on;
    clearTimeout(resumeTimer);
    if (on) {
      timer.pause();
      resumeTimer = setTimeout(() => setPaused(false), PAUSE_MINUTES * 60_000);
    } else {
      timer.resume();
    }
  }

  /** Today as the calendar has it: the date line's note, and on a day off the resting slide's 今日休息 line. */
  function showDay(t: LocalTime) {
    setText($('[data-date]'), dateText(t));
    const note = $('[data-day]');
    if (note) {
      setText(note, dayNote(t, config.calendar, config.strings));
      if (note.hidden !== !note.textContent) note.hidden = !note.textContent;
    }
    const line = stage.querySelector<HTMLElement>('[data-closed]');
    if (!line) return;
    const closed = closedDay(config.when, t, config.calendar);
    setText(line, closed ? closedText(closed, config.strings) : '');
    if (line.hidden !== !closed) line.hidden = !closed;
  }

  /** Every second: the clock and date; an urgent notice beginning or ending; the nightly fresh start. */
  function tick() {
    const t = now();
    setText($('[data-clock]'), clockText(t));
    showDay(t);
    // An urgent notice takes over at once, and gives the screen back the
    // moment it expires, without waiting for the slide to end.
    if (!paused && current && takeoverChanged(playable(slides, config.when, t, config.calendar), current)) next();
    if (nightlyReloadDue(t, lastReloadDay, transitions)) {
      lastReloadDay = t.date;
      void reloadIfOnline(versionCheckUrl(config));
    }
  }

  /** Looks for a new build; one found is prepared, and shown from the next slide on. */
  async function check() {
    const build = await fetchBuild(config, prepared?.config.version);
    if (!build) return;
    // A build prepared earlier and not shown yet is superseded: free its pictures.
    if (prepared) for (const url of prepared.urls) URL.revokeObjectURL(url);
    prepared = build;
  }

  /** Swaps in a prepared build, between two slides, and frees the pictures of the one it replaces. */
  function adopt(build: Build) {
    prepared = undefined;
    stage.replaceWith(build.stage);
    stage = build.stage;
    for (const url of heldUrls) URL.revokeObjectURL(url);
    heldUrls = build.urls;
    config = build.config;
    slides = readSlides(stage);
    current = undefined;
    root.dataset.version = config.version;
    swapChrome(root, build);
    keepFiles = build.files;
    void keepOffline(config.pageUrl, keepFiles);
  }

  // ---- The watchdog.
  /** Starts the loop afresh; if even that fails, reloads when the network answers. */
  function recover() {
    timer.stop();
    current = undefined;
    try {
      next();
    } catch {
      void reloadIfOnline(versionCheckUrl(config));
    }
  }
  /** The loop is alive when the running slide's timer is not overdue. */
  const stalled = () => !paused && timer.overdue(STALL_GRACE_MS);
  // An error elsewhere (a picture, an extension) must not make slides jump:
  // count it, and restart the loop only if the error has stopped it. The
  // check every second below catches a stop that shows no error at all.
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

  listenToVisitors(root, () => setPaused(!paused), next);
  if (new URLSearchParams(location.search).has('identify')) ($('.identify') as HTMLElement).hidden = false;
  registerWorker(config.serviceWorker, config.scope, () => keepOffline(config.pageUrl, keepFiles));

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
      return layout.screens;
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
    /**
     * For the tests and the benchmark: shows slide `id`, playing now or not,
     * at its screen `at`, laid out as the player lays it out; returns how
     * many screens it has (0: no such slide). The playlist's timer carries on.
     */
    show(id: string, at = 0): number {
      const slide = slides.find((s) => s.id === id);
      if (!slide) return 0;
      if (current && current !== slide) current.el.hidden = true;
      current = slide;
      slide.el.hidden = false;
      layout = measure(slide.el);
      page = Math.min(at, layout.screens - 1);
      showPage(slide.el, layout, page, pagesNote, config.strings);
      return layout.screens;
    },
    /** For tests of the watchdog: loses the slide timer, as a crashed loop would. */
    stall: timer.stop,
  };

  tick();
  next();
  void holdImages(stage, false)
    .then(({ urls, sources }) => {
      heldUrls = urls;
      keepFiles = [...keepFiles, ...sources];
      return keepOffline(config.pageUrl, keepFiles);
    })
    .catch(() => undefined);
}
