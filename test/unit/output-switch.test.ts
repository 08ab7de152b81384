/**
 * Publishing a build (src/node/output.ts) on a real disk, with stand-in
 * sites instead of Astro builds (test/helpers/fake-build.ts): the output is
 * a link switched in one rename, a build killed at the switch itself leaves
 * a whole site served, the next build recovers, and the server follows the
 * link to each new build.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildsFolder, OUTPUT_MARKER, switchLink } from '#lib/output-folder.ts';
import { finishVersion, inspectOutput, KILL_ENV, newVersion, publish, removeDeadStaging, withOutputLock, type KillPoint } from '#node/output.ts';
import { serveStatic } from '#node/static-server.ts';
import { fakeBuild, wholeSite, writeFakeSite } from '../helpers/fake-build.ts';
import { ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-output-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;

/** A place with a content folder and a project root of its own, and the output path in it. */
function place() {
  const dir = join(temp, `place-${count++}`);
  const places = { content: join(dir, 'content'), root: join(dir, 'project') };
  mkdirSync(places.content, { recursive: true });
  mkdirSync(places.root, { recursive: true });
  writeFileSync(join(places.content, 'site.yaml'), 'name: 青溪县\n');
  return { out: join(dir, 'dist'), places };
}

/** The versions kept in the folder of builds (not its marker and lock). */
const versions = (out: string) =>
  readdirSync(buildsFolder(out))
    .filter((n) => !n.startsWith('.'))
    .sort();
/** The version the output links to. */
const linked = (out: string) => readlinkSync(out).split('/').at(-1);

/** The stand-in build in a child process that kills itself at `at`; resolves with the signal that ended it. */
function killedBuild(out: string, label: string, places: { content: string; root: string }, at: KillPoint): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['test/helpers/fake-build.ts', out, label, places.content, places.root], {
      cwd: ROOT,
      env: { ...process.env, [KILL_ENV]: at },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (_, signal) => resolve(signal));
  });
}

describe('publishing a build', () => {
  it('makes the output a link into the folder of builds, and keeps only the build before for rollback', async () => {
    const { out, places } = place();
    await fakeBuild(out, 'A', places);
    const a = linked(out);
    await fakeBuild(out, 'B', places);
    const b = linked(out);
    await fakeBuild(out, 'C', places);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(await wholeSite(out)).toBe('C');
    expect(versions(out)).toEqual([b, linked(out)].sort());
    expect(versions(out)).not.toContain(a);
    expect(existsSync(switchLink(out))).toBe(false);
  });

  it('links with a relative path, so the output still works when its parent folder is moved', async () => {
    const { out, places } = place();
    await fakeBuild(out, 'A', places);
    expect(readlinkSync(out)).toBe(`dist.builds/${linked(out)}`);
  });

  it('refuses to publish a version that was never marked complete', async () => {
    const { out, places } = place();
    await fakeBuild(out, 'A', places);
    const inspected = await inspectOutput(out, places);
    if (!inspected.ok) throw new Error(inspected.message);
    const half = join(buildsFolder(out), 'half-built');
    await writeFakeSite(half, 'half');
    await expect(publish(inspected.output, half)).rejects.toThrow('完成标记');
    expect(await wholeSite(out)).toBe('A');
    // As a build killed while Astro wrote it would leave it: the next build removes it.
    await fakeBuild(out, 'B', places);
    expect(existsSync(half)).toBe(false);
  });

  it('lets two builds into one output take turns, so that neither removes the other’s version', async () => {
    const { out, places } = place();
    await Promise.all([fakeBuild(out, 'A', places), fakeBuild(out, 'B', places)]);
    const served = await wholeSite(out);
    expect(['A', 'B']).toContain(served);
    expect(versions(out)).toHaveLength(2);
    const other = versions(out).find((v) => v !== linked(out)) as string;
    expect(await wholeSite(join(buildsFolder(out), other))).toBe(served === 'A' ? 'B' : 'A');
  });

  it('replaces an empty folder by the link', async () => {
    const { out, places } = place();
    mkdirSync(out);
    await fakeBuild(out, 'A', places);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(await wholeSite(out)).toBe('A');
  });

  it('moves an output an earlier Siliang built as a real folder into the folder of builds, with everything in it', async () => {
    const { out, places } = place();
    await writeFakeSite(out, 'earlier');
    writeFileSync(join(out, 'robots.txt'), 'added by hand');
    await fakeBuild(out, 'A', places);
    expect(await wholeSite(out)).toBe('A');
    const [earlier] = versions(out).filter((v) => v.endsWith('-earlier'));
    expect(earlier).toBeDefined();
    const kept = join(buildsFolder(out), earlier as string);
    expect(await wholeSite(kept)).toBe('earlier');
    expect(existsSync(join(kept, 'robots.txt'))).toBe(true);
    expect(existsSync(join(kept, OUTPUT_MARKER))).toBe(true);
  });
});

describe('a build killed at the switch', () => {
  it('just before the rename: the previous site stays served whole, and the next build removes what was left', async () => {
    const { out, places } = place();
    await fakeBuild(out, 'A', places);
    expect(await killedBuild(out, 'B', places, 'before-switch')).toBe('SIGKILL');
    expect(await wholeSite(out)).toBe('A');
    expect(lstatSync(switchLink(out)).isSymbolicLink()).toBe(true);
    const a = linked(out);
    expect(versions(out)).toHaveLength(2);

    await fakeBuild(out, 'C', places);
    expect(await wholeSite(out)).toBe('C');
    expect(existsSync(switchLink(out))).toBe(false);
    expect(versions(out)).toEqual([a, linked(out)].sort());
  });

  it('just after the rename: the new site is served whole, and the next build publishes over it', async () => {
    const { out, places } = place();
    await fakeBuild(out, 'A', places);
    expect(await killedBuild(out, 'B', places, 'after-switch')).toBe('SIGKILL');
    expect(await wholeSite(out)).toBe('B');
    const b = linked(out);

    await fakeBuild(out, 'C', places);
    expect(await wholeSite(out)).toBe('C');
    expect(versions(out)).toEqual([b, linked(out)].sort());
  });

  it('between the two renames of the one-time move of an earlier build: the next build puts the earlier site back and publishes', async () => {
    const { out, places } = place();
    await writeFakeSite(out, 'earlier');
    expect(await killedBuild(out, 'B', places, 'migrate-moved')).toBe('SIGKILL');
    // The one window this design cannot close: a real folder cannot be
    // swapped for a link in one step (no renameat2 RENAME_EXCHANGE in Node).
    // The earlier site is whole beside the output, under the switch link.
    expect(existsSync(out)).toBe(false);
    expect(await wholeSite(switchLink(out))).toBe('earlier');

    await fakeBuild(out, 'C', places);
    expect(await wholeSite(out)).toBe('C');
    expect(existsSync(switchLink(out))).toBe(false);
    expect(versions(out).filter((v) => v.endsWith('-earlier'))).toHaveLength(1);
  });
});

describe('an output folder on a real disk', () => {
  it('is refused through a link to the content folder, and the content is left alone', async () => {
    const { places } = place();
    const link = join(temp, `to-content-${count++}`);
    symlinkSync(places.content, link);
    const inspected = await inspectOutput(join(link, 'site'), places);
    expect(inspected.ok).toBe(false);
    expect(inspected.ok ? '' : inspected.message).toContain('内容文件夹');
    expect(readdirSync(places.content)).toEqual(['site.yaml']);
  });

  it('is refused at a version of another output, which stays published as it was', async () => {
    const { out, places } = place();
    await fakeBuild(out, 'A', places);
    const version = join(buildsFolder(out), linked(out) as string);
    await expect(fakeBuild(version, 'B', places)).rejects.toThrow(buildsFolder(out));
    await expect(fakeBuild(join(version, 'units'), 'B', places)).rejects.toThrow(buildsFolder(out));
    expect(await wholeSite(out)).toBe('A');
    expect(versions(out)).toEqual([linked(out)]);
  });

  it('is refused when it is a Git working tree', async () => {
    const { out, places } = place();
    mkdirSync(join(out, '.git'), { recursive: true });
    const inspected = await inspectOutput(out, places);
    expect(inspected.ok ? '' : inspected.message).toContain('Git');
  });

  it('is served through the link: a running server shows each newly published build', async () => {
    const { out, places } = place();
    await fakeBuild(out, 'A', places);
    const { server, url } = await serveStatic({ dir: out });
    try {
      expect(await (await fetch(url)).text()).toBe('A');
      await fakeBuild(out, 'B', places);
      expect(await (await fetch(url)).text()).toBe('B');
    } finally {
      server.close();
    }
  });
});

describe('an output on another filesystem', () => {
  it('is built in a staging folder on the current folder’s filesystem and copied over', async (ctx) => {
    const shm = '/dev/shm';
    const other = existsSync(shm) && statSync(shm).dev !== statSync(ROOT).dev;
    ctx.skip(!other, 'no second filesystem here: /dev/shm is missing or on the same filesystem as the project');
    const dir = mkdtempSync(join(shm, 'siliang-output-'));
    try {
      const { places } = place();
      const out = join(dir, 'site');
      const inspected = await inspectOutput(out, places);
      if (!inspected.ok) throw new Error(inspected.message);
      await withOutputLock(inspected.output, async () => {
        const version = await newVersion(inspected.output, ROOT);
        expect(version.astroOut.startsWith(join(ROOT, '.astro', 'siliang-staging'))).toBe(true);
        await writeFakeSite(version.astroOut, 'A');
        await finishVersion(version);
        expect(existsSync(version.astroOut)).toBe(false);
        await publish(inspected.output, version.dir);
      });
      expect(await wholeSite(out)).toBe('A');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on the same filesystem is built in its version folder directly', async () => {
    const { out, places } = place();
    const inspected = await inspectOutput(out, places);
    if (!inspected.ok) throw new Error(inspected.message);
    await withOutputLock(inspected.output, async () => {
      const version = await newVersion(inspected.output, ROOT);
      expect(version.astroOut).toBe(version.dir);
    });
  });

  it('leaves no staging folder behind from a killed build, but keeps a running build’s', async () => {
    const cwd = join(temp, `cwd-${count++}`);
    const staging = join(cwd, '.astro', 'siliang-staging');
    const dead = join(staging, '20261122T101530-000Z-2147483646');
    const running = join(staging, `20261122T101530-000Z-${process.pid}`);
    mkdirSync(dead, { recursive: true });
    mkdirSync(running, { recursive: true });
    await removeDeadStaging(cwd);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});
