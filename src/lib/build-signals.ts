/**
 * What a build running in this process tells the code Astro loads for it.
 * A large site's content check runs beside the build (src/node/build.ts):
 * the integration starts it once Astro has loaded the content, and pages
 * stop rendering once it has found an error. On globalThis, because Astro
 * loads the integration and the pages through its own module loader,
 * apart from the copies that scripts import.
 */
const START_CHECK = Symbol.for('siliang.startCheck');
const CONTENT_ERRORS = Symbol.for('siliang.contentErrors');

const store = globalThis as Record<symbol, unknown>;

/** For the build: `start` will be called when Astro has loaded the content. */
export function checkWhenContentLoaded(start: () => void): void {
  store[START_CHECK] = start;
}

/** For the integration (astro:build:start): starts the check the build asked for, if any. */
export function contentLoaded(): void {
  (store[START_CHECK] as (() => void) | undefined)?.();
}

/** For the build: the check has found an error. */
export function markContentErrors(): void {
  store[CONTENT_ERRORS] = true;
}

/** For pages: true once the check beside the build has found an error. */
export function contentErrorsFound(): boolean {
  return store[CONTENT_ERRORS] === true;
}

/** For the build, when it ends: no signal outlives it. */
export function clearBuildSignals(): void {
  delete store[START_CHECK];
  delete store[CONTENT_ERRORS];
}
