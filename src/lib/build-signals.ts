/**
 * What a build running in this process tells the code Astro loads for it,
 * and back. On globalThis, because Astro loads astro.config.mjs, the
 * integration, the content configuration and the pages through its own
 * module loader, apart from the copies that scripts import: a module
 * variable would not be seen from the other side. Both src/node/ and
 * src/integration/ import this module, and neither imports the other.
 *
 * - `npm run build` hands its options to astro.config.mjs, which passes
 *   them to the integration (src/node/build.ts, src/lib/options.ts).
 * - The integration tells src/content.config.ts and the Markdown sanitiser
 *   which content folder it builds.
 * - A large site's content check runs beside the build: the integration
 *   starts it once Astro has loaded the content, and pages stop rendering
 *   once it has found an error.
 * - The integration's own steps report their figures to the build.
 */
import type { SiliangOptions } from './options.ts';

const OPTIONS = Symbol.for('siliang.buildOptions');
const CONTENT_FOLDER = Symbol.for('siliang.contentFolder');
const START_CHECK = Symbol.for('siliang.startCheck');
const CONTENT_ERRORS = Symbol.for('siliang.contentErrors');
const FIGURES = Symbol.for('siliang.stepFigures');

const store = globalThis as Record<symbol, unknown>;

/** For the build: the options astro.config.mjs is to pass to the integration, instead of reading the environment. */
export function handOverOptions(options: SiliangOptions): void {
  store[OPTIONS] = options;
}

/** For astro.config.mjs: the options of the build running in this process, if one is. */
export function handedOverOptions(): SiliangOptions | undefined {
  return store[OPTIONS] as SiliangOptions | undefined;
}

/** For the integration (astro:config:setup): the absolute content folder being built. */
export function useContentFolder(contentDir: string): void {
  store[CONTENT_FOLDER] = contentDir;
}

/** For src/content.config.ts and astro.config.mjs: the content folder the integration chose, once it has. */
export function contentFolderInUse(): string | undefined {
  return store[CONTENT_FOLDER] as string | undefined;
}

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

/** For the build, when it starts and ends: no signal outlives it. Figures are read after it ends and kept. */
export function clearBuildSignals(): void {
  delete store[OPTIONS];
  delete store[CONTENT_FOLDER];
  delete store[START_CHECK];
  delete store[CONTENT_ERRORS];
}

/** What the integration's own steps took, for `npm run build` and the benchmark. */
export interface StepFigures {
  /** The photo step (src/integration/photos.ts). */
  photos?: { photos: number; processed: number; reused: number; seconds: number };
  search?: { seconds: number; pages: number };
  /** Gzip and Brotli copies of the text files (src/node/precompress.ts). */
  precompress?: { seconds: number; files: number; bytes: number; gzipBytes: number; brotliBytes: number };
}

/** The figures of the build running in this process, filled in by the integration. */
export function stepFigures(): StepFigures {
  return (store[FIGURES] ??= {}) as StepFigures;
}

/** For the build, before it starts: no figures of an earlier build. */
export function forgetStepFigures(): void {
  delete store[FIGURES];
}
