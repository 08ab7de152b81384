/**
 * The output folder on disk. `dist` is a symbolic link to one complete build
 * in `dist.builds/<version>/`; a build is written into a new version folder,
 * marked complete, and published by making a link `dist.switch` and renaming
 * it over `dist`. rename() replaces the old link in one step (POSIX), so a
 * web server following `dist` sees the old site or the new one, never
 * neither, whenever the build is killed. The version published before stays
 * for rollback; older ones are removed.
 *
 * A build that was killed is recovered by the next: a leftover switch link
 * is finished or dropped, versions without the marker are removed. An
 * output that an earlier Siliang built as a real folder is moved into the
 * new layout once. What may never be replaced is decided in
 * src/lib/output-folder.ts, before anything is written.
 */
import { existsSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, readlink, realpath, rename, rm, rmdir, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import {
  BUILDS_MARKER,
  buildsFolder,
  describeOutputProblem,
  EARLIER_BUILD_FILES,
  judgeOutput,
  OUTPUT_MARKER,
  placeProblem,
  switchLink,
  type OutputFacts,
  type OutputLayout,
  type OutputNow,
} from '#lib/output-folder.ts';
import { TEST_HOOK_ENV, testHook } from '#lib/options.ts';
import { withLock } from './lock.ts';

/**
 * Fault injection for tests: the build kills itself with SIGKILL at this
 * point, exactly as a power cut or `kill -9` would stop it there.
 */
export const KILL_ENV = TEST_HOOK_ENV.killAt;
export type KillPoint = 'before-switch' | 'after-switch' | 'migrate-moved';

function reached(point: KillPoint): void {
  if (testHook('killAt') === point) process.kill(process.pid, 'SIGKILL');
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** `path` with its longest existing ancestor replaced by that ancestor's real path, so that a link anywhere above it is seen through. */
export async function realPlace(path: string): Promise<string> {
  const rest: string[] = [];
  let existing = resolve(path);
  for (;;) {
    try {
      return join(await realpath(existing), ...rest.reverse());
    } catch (error) {
      if (code(error) !== 'ENOENT' && code(error) !== 'ENOTDIR') throw error;
    }
    const parent = dirname(existing);
    if (parent === existing) return resolve(path);
    rest.push(basename(existing));
    existing = parent;
  }
}

/** An output folder that a build may use, as found now. */
export interface Output {
  /** The real path of the output (the link the web server follows). */
  out: string;
  builds: string;
  switchLink: string;
  layout: OutputLayout;
}

export type Inspected = { ok: true; output: Output } | { ok: false; message: string };

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}

async function outputNow(out: string, builds: string): Promise<OutputNow> {
  const s = await lstatOrUndefined(out);
  if (!s) return { kind: 'missing' };
  if (s.isSymbolicLink()) {
    const target = resolve(dirname(out), await readlink(out));
    return { kind: 'link', target, ours: dirname(target) === builds && !basename(target).startsWith('.') };
  }
  if (!s.isDirectory()) return { kind: 'file' };
  const present = [...EARLIER_BUILD_FILES, OUTPUT_MARKER].filter((f) => existsSync(join(out, f)));
  return { kind: 'folder', entries: await readdir(out), present };
}

async function facts(out: string): Promise<OutputFacts> {
  const builds = buildsFolder(out);
  const b = await lstatOrUndefined(builds);
  const l = await lstatOrUndefined(switchLink(out));
  let insideBuilds: string | undefined;
  for (let above = dirname(out); !insideBuilds; above = dirname(above)) {
    if (existsSync(join(above, BUILDS_MARKER))) insideBuilds = above;
    if (dirname(above) === above) break;
  }
  return {
    out: await outputNow(out, builds),
    insideBuilds,
    builds: !b ? 'missing' : !b.isDirectory() ? 'not-a-folder' : existsSync(join(builds, BUILDS_MARKER)) ? 'ours' : 'foreign',
    switchLink: !l ? 'missing' : l.isSymbolicLink() ? 'link' : 'other',
  };
}

/**
 * Whether a build may publish at `outDir`, found without writing anything:
 * the refusal, in Chinese, names the folder and what to do instead.
 */
export async function inspectOutput(outDir: string, places: { content: string; root: string; home?: string }): Promise<Inspected> {
  const requested = resolve(outDir);
  const out = join(await realPlace(dirname(requested)), basename(requested));
  const content = await realPlace(places.content);
  const home = places.home ?? homedir();
  const problem = placeProblem({ out, content, root: await realPlace(places.root), home: home ? await realPlace(home) : undefined });
  if (problem) return { ok: false, message: describeOutputProblem(problem, content) };
  const decision = judgeOutput(out, await facts(out));
  if (!decision.ok) return { ok: false, message: describeOutputProblem(decision.problem, content) };
  return { ok: true, output: { out, builds: buildsFolder(out), switchLink: switchLink(out), layout: decision.layout } };
}

/**
 * Runs `task` holding the output's lock, so that two builds into one output
 * never clean up each other's versions. Makes the folder of builds first:
 * the lock lives in it.
 */
export async function withOutputLock<T>(output: Output, task: () => Promise<T>): Promise<T> {
  if (!existsSync(join(output.builds, BUILDS_MARKER))) {
    await mkdir(output.builds, { recursive: true });
    await writeFile(
      join(output.builds, BUILDS_MARKER),
      'Siliang (四亮) keeps the builds of the site beside it here; the site is the link next to this folder.\nSiliang 在这里存放网站的各次生成结果；网站服务器应指向旁边的符号链接。\n',
    );
  }
  return withLock(join(output.builds, '.lock'), task, () => console.log('另一个构建正在生成到同一个输出文件夹，等它完成后继续……'));
}

/** A link's text for `target` placed at `link`: relative, so the pair still works when their parent folder is moved or mounted elsewhere. */
const linkText = (link: string, target: string) => relative(dirname(link), target);

const complete = (version: string) => existsSync(join(version, OUTPUT_MARKER));

/** Marks a version folder complete: written last, after every check has passed. */
export async function markComplete(version: string): Promise<void> {
  await writeFile(
    join(version, OUTPUT_MARKER),
    // No date in it: two builds of the same content must be the same bytes, so that a sync uploads only what changed.
    'A complete site built by Siliang (四亮); a later build may replace it.\nSiliang 生成的完整网站；以后的生成可以替换它。\n',
  );
}

/** A new version's folder name: sorts by time, and names the process that made it. */
function versionName(suffix = ''): string {
  return `${new Date().toISOString().replace(/[-:]/g, '').replace('.', '-')}-${process.pid}${suffix}`;
}

/**
 * Makes the output ready for a new version, holding its lock: finishes or
 * drops a switch a killed build left, and moves an output laid out by an
 * earlier Siliang (a real folder) into the folder of builds. Returns what
 * to tell the user, if anything.
 */
export async function recoverOutput(output: Output): Promise<string | undefined> {
  const { out, switchLink: link } = output;
  let layout = output.layout;
  if ((await lstatOrUndefined(link))?.isSymbolicLink()) {
    // Killed between making the link and renaming it over the output: the
    // output is whole unless a migration (below) was cut between its two renames.
    const target = resolve(dirname(link), await readlink(link));
    if (layout === 'new' && complete(target)) {
      await rename(link, out);
      layout = 'linked';
    } else {
      await unlink(link);
    }
  }
  if (layout === 'empty-folder') await rmdir(out);
  if (layout !== 'earlier-build') return undefined;
  // A real folder cannot be replaced by a link in one step (Node has no
  // renameat2 RENAME_EXCHANGE), so there are two renames, once per output;
  // a kill between them leaves the link beside the output, which the next
  // build renames into place above.
  const version = join(output.builds, versionName('-earlier'));
  if (!complete(out)) await markComplete(out);
  await symlink(linkText(link, version), link);
  await rename(out, version);
  reached('migrate-moved');
  await rename(link, out);
  return `${out} 原来是旧版 Siliang 生成的文件夹，已移到 ${version}，${out} 改为指向当前版本的符号链接；网站服务器继续指向 ${out} 即可（nginx 默认跟随符号链接，不要打开 disable_symlinks）。`;
}

/** Where one build is written. */
export interface Version {
  /** The version's folder in the folder of builds. */
  dir: string;
  /** Where Astro writes it: `dir`, or a staging folder when `dir` is on another filesystem. */
  astroOut: string;
}

/** The folder where `npm run build` stages a version for another filesystem. */
const stagingFolder = (cwd: string) => join(cwd, '.astro', 'siliang-staging');

/**
 * A new version folder. Astro builds prerendered pages in a folder of its
 * own and renames them into its output: inside the output when the output
 * is under the current folder, else in `<cwd>/.astro/.prerender`, and a
 * rename cannot cross filesystems (EXDEV). An output on another filesystem
 * is therefore built in a staging folder under the current folder and
 * copied over afterwards (see finishVersion).
 */
export async function newVersion(output: Output, cwd = process.cwd()): Promise<Version> {
  const dir = join(output.builds, versionName());
  // Astro's own test for "under the current folder" is this string prefix.
  const direct = dir.startsWith(cwd) || (await stat(cwd)).dev === (await stat(output.builds)).dev;
  return { dir, astroOut: direct ? dir : join(stagingFolder(cwd), basename(dir)) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === 'EPERM';
  }
}

/** Removes staging folders of builds that were killed (their process is gone). */
export async function removeDeadStaging(cwd = process.cwd()): Promise<void> {
  const dir = stagingFolder(cwd);
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir)) {
    const pid = Number(/-(\d+)$/.exec(name)?.[1] ?? 0);
    if (pid > 0 && !alive(pid)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/** Copies a staged version to its folder if it was staged, and marks it complete. */
export async function finishVersion(version: Version): Promise<void> {
  if (version.astroOut !== version.dir) {
    await cp(version.astroOut, version.dir, { recursive: true });
    await rm(version.astroOut, { recursive: true, force: true });
  }
  await markComplete(version.dir);
}

/** Removes a version that will not be published. */
export async function discardVersion(version: Version): Promise<void> {
  await rm(version.astroOut, { recursive: true, force: true });
  await rm(version.dir, { recursive: true, force: true });
}

/** The version folder the output links to now, if any. */
async function currentVersion(output: Output): Promise<string | undefined> {
  const s = await lstatOrUndefined(output.out);
  if (!s?.isSymbolicLink()) return undefined;
  const target = resolve(dirname(output.out), await readlink(output.out));
  return dirname(target) === output.builds ? basename(target) : undefined;
}

/**
 * Publishes a complete version: one rename of a new link over the output.
 * Then removes every version but this one and the one it replaced (kept for
 * rollback: point the link back at it), including any a killed build left.
 */
export async function publish(output: Output, versionDir: string): Promise<void> {
  if (!complete(versionDir)) throw new Error(`${versionDir} 没有完成标记，不能发布`);
  const before = await currentVersion(output);
  await unlink(output.switchLink).catch((error: unknown) => {
    if (code(error) !== 'ENOENT') throw error;
  });
  await symlink(linkText(output.switchLink, versionDir), output.switchLink);
  reached('before-switch');
  await rename(output.switchLink, output.out);
  reached('after-switch');
  const keep = new Set([basename(versionDir), before]);
  for (const name of await readdir(output.builds)) {
    // Dot names are the marker and the lock.
    if (name.startsWith('.') || keep.has(name)) continue;
    await rm(join(output.builds, name), { recursive: true, force: true });
  }
}
