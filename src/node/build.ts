/**
 * Builds a site from a content folder without ever leaving a broken one
 * behind: refuse an output folder that holds anything but an earlier build,
 * check the content, build into a new version folder beside the output,
 * verify it, and only then publish it in one step (src/node/output.ts). Any
 * failure leaves the previous output as it was and reports why in Chinese,
 * without a stack trace.
 */
import { build } from 'astro';
import { readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { join, relative, resolve, sep } from 'node:path';
import { checkContent, hasErrors } from '#lib/content/check.ts';
import { resolveContentDir } from '#lib/content/folder.ts';
import type { Problem } from '#lib/content/problem.ts';
import { findMetadata } from '#lib/images/metadata.ts';
import { PHOTO_DIR } from '#lib/images/photo-recipe.ts';
import { dropViteReservedEnv, OptionsError, readSiliangOptions, type SiliangOptions } from '#lib/options.ts';
import { withLock } from './lock.ts';
import { precompressOutput } from './precompress.ts';
import { discardVersion, finishVersion, inspectOutput, newVersion, publish, recoverOutput, removeDeadStaging, withOutputLock } from './output.ts';
import { checkWhenContentLoaded, clearBuildSignals, forgetStepFigures, handOverOptions, markContentErrors, stepFigures, type StepFigures } from '#lib/build-signals.ts';

/**
 * A build's own settings, and those of its options (src/lib/options.ts)
 * given on its command line; the environment sets the others.
 */
export interface BuildRequest {
  /** Project root (where astro.config.mjs is); defaults to the current folder. */
  root?: string;
  /** Content folder; defaults to $SILIANG_CONTENT, then `content/`. */
  content?: string;
  /** Output folder; defaults to `dist/` in the root. */
  outDir?: string;
  /** Fixed clock, YYYY-MM-DD or an ISO time; defaults to $SILIANG_NOW, then now. */
  now?: string;
  /** Serve under this base path instead of site.yaml's; defaults to $SILIANG_BASE. */
  base?: string;
  /** Which units' print sheets to render: `all` (default), `none`, or `unit1,unit2`; defaults to $SILIANG_PRINT. */
  print?: string;
  /** Astro's console output. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Check the content while Astro builds rather than before; defaults to $SILIANG_CHECK_ALONGSIDE, then folders of more than CHECK_ALONGSIDE_UNITS units. */
  checkAlongside?: boolean;
  /** `print` for `npm run posters`' own build, never published: every sheet shows the whole staff board whatever the privacy tiers (src/lib/privacy/tiers.ts). */
  audience?: 'web' | 'print';
}

/**
 * A content folder with more units than this is checked in a worker thread
 * while Astro builds, instead of before: the check of a province's 133,000
 * files takes over a minute on one core while the other idles. A smaller
 * one is checked first, which reports a mistake before Astro starts.
 */
export const CHECK_ALONGSIDE_UNITS = 100;

function checkInWorker(contentDir: string, now: string, audience: 'web' | 'print'): Promise<Problem[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { contentDir, now, audience } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`内容检查线程意外退出（${code}）`))));
  });
}

function unitFolders(contentDir: string): number {
  try {
    return readdirSync(join(contentDir, 'units'), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
  } catch {
    return 0;
  }
}

export type BuildResult =
  | { ok: true; outDir: string; contentDir: string; pages: number; seconds: number; warnings: Problem[]; steps: StepFigures; notes: string[] }
  /** `refused`: the output folder may not be used (a usage error; `error` says why); nothing was written. */
  | { ok: false; outDir: string; contentDir: string; problems: Problem[]; error?: string; refused?: boolean; notes?: string[] };

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const IMAGE = /\.(jpe?g|png|webp|gif|avif|svg)$/i;

/**
 * Images in `dir` that still carry metadata: must be none before the output
 * is published. The photo step's folder is left out: it checks each file as
 * it makes it, and reading tens of thousands of photos again would double
 * the time a province's build spends on them.
 */
export async function imagesWithMetadata(dir: string): Promise<string[]> {
  const bad: string[] = [];
  const photos = join(dir, PHOTO_DIR) + sep;
  for (const file of await filesUnder(dir)) {
    if (file.startsWith(photos)) continue;
    if (IMAGE.test(file) && findMetadata(await readFile(file)).length > 0) bad.push(relative(dir, file));
  }
  return bad;
}

/** The build's options: the request's over the environment's (src/lib/options.ts). */
export function buildOptions(request: BuildRequest): SiliangOptions {
  const alongside = request.checkAlongside === undefined ? undefined : request.checkAlongside ? 'always' : 'never';
  return readSiliangOptions({ content: request.content, now: request.now, base: request.base, print: request.print, checkAlongside: alongside, audience: request.audience });
}

export async function buildSite(request: BuildRequest = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = resolve(request.root ?? process.cwd());
  const outDir = resolve(root, request.outDir ?? 'dist');
  let options: SiliangOptions;
  try {
    options = buildOptions(request);
  } catch (error) {
    // A wrong setting is a usage error, answered before anything is read or written.
    if (!(error instanceof OptionsError)) throw error;
    return { ok: false, refused: true, outDir, contentDir: resolveContentDir(request.content, process.cwd()), problems: [], error: error.message };
  }
  const contentDir = resolveContentDir(options.content, process.cwd());
  // Before anything is written, even before the check: an output that is
  // (or holds, or sits in) the content, the project or anything else the
  // build did not make is refused.
  const inspected = await inspectOutput(outDir, { content: contentDir, root }).catch((error: unknown) => ({ ok: false as const, message: unreadable(outDir, error) }));
  if (!inspected.ok) return { ok: false, refused: true, outDir, contentDir, problems: [], error: inspected.message };

  // The build's one clock, read here once: the check's freshness warnings
  // and the pages' publicity periods take the same day, even at midnight.
  const now = options.now ?? new Date().toISOString();
  const alongside = options.checkAlongside === 'auto' ? unitFolders(contentDir) > CHECK_ALONGSIDE_UNITS : options.checkAlongside === 'always';
  clearBuildSignals();
  let checking: Promise<Problem[]> | undefined;
  let problems: Problem[] = [];
  const startCheck = () => {
    if (checking) return checking;
    checking = checkInWorker(contentDir, now, options.audience);
    // Pages stop rendering as soon as the check has found an error.
    checking.then((found) => (hasErrors(found) ? markContentErrors() : undefined)).catch(() => undefined);
    return checking;
  };
  if (alongside) {
    // Started by the integration once Astro has loaded the content
    // (astro:build:start): both at once would hold two copies of a
    // province's content in memory, about 3.7 GB together.
    checkWhenContentLoaded(startCheck);
  } else {
    problems = checkContent(contentDir, { now, audience: options.audience }).problems;
    if (hasErrors(problems)) return { ok: false, outDir, contentDir, problems };
  }

  // astro.config.mjs passes these to the integration instead of reading the
  // environment; cleared when the build ends, so that one build's options
  // never reach the next in the same process.
  handOverOptions({ ...options, content: contentDir, now, checked: contentDir });
  dropViteReservedEnv();
  // A test runner's NODE_ENV=test would otherwise reach Astro's build.
  process.env.NODE_ENV = 'production';

  forgetStepFigures();
  const notes: string[] = [];
  const building = withOutputLock(inspected.output, async (): Promise<BuildResult> => {
    // Looked at again holding the lock: another build may have changed it meanwhile.
    const again = await inspectOutput(outDir, { content: contentDir, root });
    if (!again.ok) return { ok: false, refused: true, outDir, contentDir, problems: [], error: again.message };
    const output = again.output;
    const note = await recoverOutput(output);
    if (note) notes.push(note);
    const version = await newVersion(output);
    try {
      // Astro writes files of its own in the project's .astro folder (such as
      // the map from content images to their imports); two builds of one
      // project at the same time would read each other's, so they take turns.
      await withLock(
        join(root, 'node_modules', '.astro', 'siliang-build.lock'),
        async () => {
          await removeDeadStaging();
          await build({ root, outDir: version.astroOut, logLevel: request.logLevel ?? 'info' });
        },
        () => console.log('另一个构建正在进行，等它完成后继续……'),
      );
      const leaked = await imagesWithMetadata(version.astroOut);
      if (leaked.length > 0) throw new Error(`这些图片仍带有拍摄信息：${leaked.join('、')}`);
      if (alongside) problems = await startCheck();
      if (hasErrors(problems)) {
        await discardVersion(version);
        return { ok: false, outDir, contentDir, problems, notes };
      }
      const compressing = performance.now();
      stepFigures().precompress = { ...(await precompressOutput(version.astroOut)), seconds: (performance.now() - compressing) / 1000 };
      await finishVersion(version);
    } catch (error) {
      await discardVersion(version);
      // A build stopped by, or stumbling on, content the check rejects: the check's report says what to fix.
      if (alongside) {
        problems = await startCheck().catch(() => problems);
        if (hasErrors(problems)) return { ok: false, outDir, contentDir, problems, notes };
      }
      return { ok: false, outDir, contentDir, problems, notes, error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearBuildSignals();
    }

    await publish(output, version.dir);
    const pages = (await filesUnder(version.dir)).filter((f) => f.endsWith('.html')).length;
    return { ok: true, outDir, contentDir, pages, seconds: (performance.now() - started) / 1000, warnings: problems, steps: { ...stepFigures() }, notes };
  });
  // The output's own folders could not be made, read or renamed (permissions, a full disk): said in a line, not a stack trace.
  return building.catch((error: unknown) => ({ ok: false, outDir, contentDir, problems, notes, error: unreadable(outDir, error) }));
}

function unreadable(outDir: string, error: unknown): string {
  return `无法使用输出文件夹 ${outDir}：${error instanceof Error ? error.message : String(error)}。修改：检查这个文件夹和它旁边的 .builds 文件夹的权限和剩余空间，或用 --out 换一个文件夹`;
}
