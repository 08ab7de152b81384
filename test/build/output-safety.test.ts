/**
 * The output folder through real builds of the small fixture (three in
 * all): a build onto another filesystem than the project's, then builds
 * killed at the switch itself, each leaving a whole site served and the
 * next build recovering. The rules for refusing an output and the switch's
 * every step are tested without Astro in test/unit/output-*.test.ts and
 * test/unit/build-output-cli.test.ts.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildsFolder, EARLIER_BUILD_FILES, OUTPUT_MARKER, switchLink } from '#lib/output-folder.ts';
import { KILL_ENV, type KillPoint } from '#node/output.ts';
import { page, text } from '../helpers/html.ts';
import { ROOT } from '../helpers/run.ts';

// /dev/shm is a tmpfs: another filesystem than the project's on Linux.
const SHM = '/dev/shm';
const otherFilesystem = existsSync(SHM) && statSync(SHM).dev !== statSync(ROOT).dev;
const place = mkdtempSync(join(otherFilesystem ? SHM : tmpdir(), 'siliang-output-'));
const content = mkdtempSync(join(tmpdir(), 'siliang-output-content-'));
const out = join(place, 'site');
afterAll(() => {
  rmSync(place, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** `npm run build` of the content copy into `out` with the unit named `unitName`; killed at `killAt` if given. */
function build(unitName: string, killAt?: KillPoint): Promise<Ended> {
  const unit = join(content, 'units/chuangkou/unit.yaml');
  writeFileSync(unit, readFileSync(unit, 'utf8').replace(/^name: .*$/m, `name: ${unitName}`));
  return new Promise((resolve, reject) => {
    const args = ['scripts/build.ts', '--content', content, '--out', out, '--now', '2026-11-22', '--quiet', '--print', 'none'];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', ...(killAt ? { [KILL_ENV]: killAt } : {}) } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

/** The served site is whole: every file each build writes, and the marker written once all checks passed; returns the unit's name on its page. */
function servedUnitName(): string {
  for (const file of [...EARLIER_BUILD_FILES, OUTPUT_MARKER]) expect(existsSync(join(out, file)), file).toBe(true);
  return text(page(out, 'units/chuangkou/').querySelector('h1'));
}

const versions = () => readdirSync(buildsFolder(out)).filter((n) => !n.startsWith('.'));

let first: Ended;
beforeAll(async () => {
  cpSync(join(ROOT, 'test/fixtures/small'), content, { recursive: true });
  first = await build('第一次的窗口');
});

describe('the output of a real build', () => {
  it('is built onto another filesystem than the project’s (no EXDEV from Astro’s rename)', (ctx) => {
    ctx.skip(!otherFilesystem, 'no second filesystem here: /dev/shm is missing or on the project’s own filesystem');
    expect(first.output).not.toContain('EXDEV');
    expect(first.code).toBe(0);
    expect(statSync(out).dev).not.toBe(statSync(ROOT).dev);
    expect(servedUnitName()).toContain('第一次的窗口');
    expect(existsSync(join(ROOT, '.astro', 'siliang-staging', readlinkSync(out).split('/').at(-1) as string))).toBe(false);
  });

  it('is a link into its folder of builds, holding every file by which an earlier build is recognised', () => {
    expect(first.code).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(servedUnitName()).toContain('第一次的窗口');
  });

  it('killed just before the switch, still serves the previous site whole', async () => {
    const killed = await build('第二次的窗口', 'before-switch');
    expect(killed.signal).toBe('SIGKILL');
    expect(servedUnitName()).toContain('第一次的窗口');
    expect(versions()).toHaveLength(2);
  });

  it('killed just after the switch, serves the new site whole, having taken over from the build killed before it', async () => {
    const before = readlinkSync(out);
    const killed = await build('第三次的窗口', 'after-switch');
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.output).not.toContain('另一个构建正在生成到同一个输出文件夹');
    expect(readlinkSync(out)).not.toBe(before);
    expect(servedUnitName()).toContain('第三次的窗口');
    // The switch link the first kill left was replaced by this build's own, and renamed over the output.
    expect(existsSync(switchLink(out))).toBe(false);
  });
});
