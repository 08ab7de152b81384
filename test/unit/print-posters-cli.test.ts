/**
 * `npm run posters` refuses a bad command line at once, before it looks for
 * Chromium or builds anything, with a message in Chinese and English that
 * lists what is accepted; and the exporter closes its file server however
 * it ends, a browser that does not start included.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPosterOptions, checkUnits, parseJobs } from '#lib/print/poster-options.ts';
import { FORMATS } from '#lib/print/formats.ts';
import { exportPosters, unitsInContent, unitsInSite } from '#node/posters.ts';
import { SMALL } from '../helpers/content.ts';
import { runScript } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-posters-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A built site reduced to what the exporter reads first: its print manifest. */
function fakeSite(): string {
  const dir = mkdtempSync(join(temp, 'site-'));
  mkdirSync(join(dir, 'print'), { recursive: true });
  const manifest = {
    base: '/',
    organisation: '机构',
    today: '2026-11-22',
    units: { chuangkou: '测试窗口', menzhen: '门诊' },
    pages: [
      {
        unit: 'chuangkou',
        format: 'board',
        size: 'a3',
        path: 'print/units/chuangkou/board/a3/',
        title: '测试窗口',
        file: 'board-a3.pdf',
        paper: { width: 297, height: 420, label: 'A3' },
      },
    ],
  };
  writeFileSync(join(dir, 'print', 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('--jobs', () => {
  it.each(['1', '2', '16', ' 4 '])('accepts the whole number %j', (text) => {
    expect(parseJobs(text)).toEqual({ ok: true, value: Number(text) });
  });

  it.each(['abc', '0', '-1', '1.5', '', '2x', '1e3', '99999999999999999999'])('refuses %j in Chinese and English', (text) => {
    const parsed = parseJobs(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain('--jobs 要写一个正整数');
      expect(parsed.error).toContain(`“${text}”`);
      expect(parsed.error).toContain('must be a whole number of 1 or more');
    }
  });
});

describe('the other options', () => {
  it('pass through when known, typed', () => {
    expect(checkPosterOptions({ unit: ['menzhen'], format: ['board', 'badges'], size: ['a3'], theme: 'mono', jobs: '2' })).toEqual({
      ok: true,
      value: { units: ['menzhen'], formats: ['board', 'badges'], sizes: ['a3'], theme: 'mono', jobs: 2 },
    });
    expect(checkPosterOptions({})).toEqual({ ok: true, value: {} });
  });

  it('are all reported at once when wrong, each listing what is accepted', () => {
    const checked = checkPosterOptions({ format: ['poster'], size: ['b5'], theme: 'green', jobs: '0' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toHaveLength(4);
    expect(checked.errors[0]).toMatch(/^不认识的格式“poster”。可选：board、procedure、.*\(Unknown format "poster"\. Valid formats: board, procedure,/);
    expect(checked.errors[1]).toContain('可选：a2、a3、a4、a5、plaque');
    expect(checked.errors[2]).toContain('配色只能是 red、blue、mono');
    expect(checked.errors[3]).toContain('--jobs');
  });
});

describe('--unit', () => {
  it('accepts the units there are and “site”, the organisation’s own sheets', () => {
    expect(checkUnits(['menzhen', 'site'], ['menzhen', 'huzheng'])).toEqual([]);
    expect(checkUnits(undefined, ['menzhen'])).toEqual([]);
  });

  it('refuses an unknown unit, naming it and listing every valid slug, in Chinese with English alongside', () => {
    const [message, ...rest] = checkUnits(['menzen', 'menzhen'], ['zhuyuan', 'menzhen']);
    expect(rest).toEqual([]);
    expect(message).toContain('没有叫 “menzen” 的单位');
    expect(message).toContain('可选：menzhen、zhuyuan、site');
    expect(message).toContain('(No unit "menzen".');
    expect(message).toContain('valid units: menzhen, zhuyuan, site');
  });

  it('are read from a content folder’s unit folders and from a built site’s manifest', () => {
    expect(unitsInContent(SMALL)).toEqual(['chuangkou']);
    expect(unitsInContent(join(temp, 'nowhere'))).toEqual([]);
    expect(unitsInSite(fakeSite())).toEqual(['chuangkou', 'menzhen']);
    expect(unitsInSite(join(temp, 'nowhere'))).toBeUndefined();
  });
});

describe('npm run posters', () => {
  it('stops at an unknown --unit with exit code 2 (a usage error), before exporting anything', async () => {
    const out = join(temp, 'out-unit');
    const run = await runScript('posters.ts', ['--site', fakeSite(), '--unit', 'menzen', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('✗ 没有叫 “menzen” 的单位');
    expect(run.stderr).toContain('chuangkou、menzhen、site');
    expect(run.stdout).not.toContain('已导出');
  });

  it('checks --unit against the content folder before building it', async () => {
    const run = await runScript('posters.ts', ['--content', SMALL, '--unit', 'chuangkuo', '--out', join(temp, 'out-content')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('可选：chuangkou、site');
    expect(run.stdout).not.toContain('正在生成网站');
  });

  it.each([['abc'], ['0']])('stops at --jobs %s with a message instead of crashing', async (jobs) => {
    const run = await runScript('posters.ts', ['--site', fakeSite(), '--jobs', jobs, '--out', join(temp, 'out-jobs')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`✗ --jobs 要写一个正整数（同时导出几页，例如 --jobs 2），不能是“${jobs}”`);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('says how to get Chromium before it builds the site', async () => {
    const run = await runScript('posters.ts', ['--content', SMALL, '--out', join(temp, 'out-chrome')], { CHROME_PATH: join(temp, 'no-chromium') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CHROME_PATH 指向的');
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stdout).not.toContain('正在生成网站');
  });

  it('turns an unknown option into one line, not a stack trace', async () => {
    const run = await runScript('posters.ts', ['--unti', 'menzhen']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("✗ 看不懂命令行参数：Unknown option '--unti'。运行 npm run posters -- --help 查看所有选项");
  });

  it('lists every option, format and paper size with --help, and does nothing else', async () => {
    const run = await runScript('posters.ts', ['--help']);
    expect(run.code).toBe(0);
    for (const word of ['--unit', '--format', '--size', '--theme', '--out', '--jobs', '--site', '--content', '--base', '--now', 'CHROME_PATH']) expect(run.stdout).toContain(word);
    for (const format of Object.keys(FORMATS)) expect(run.stdout).toContain(format);
    expect(run.stdout).not.toContain('正在生成网站');
  });
});

describe('the exporter', () => {
  /** Listening servers of this process (the exporter's static server is one). */
  const servers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

  it('closes its file server when Chromium does not start', async () => {
    const before = servers();
    // /bin/true exists, so the launch is attempted, and exits at once instead of speaking the browser protocol.
    await expect(exportPosters({ siteDir: fakeSite(), base: '/', outDir: join(temp, 'out-launch'), executablePath: '/bin/true' })).rejects.toThrow();
    await new Promise((done) => setTimeout(done, 50));
    expect(servers()).toBe(before);
  });

  it('refuses an unknown unit and an empty selection, and closes its server', async () => {
    const before = servers();
    const request = { siteDir: fakeSite(), base: '/', outDir: join(temp, 'out-select'), executablePath: '/bin/true' };
    await expect(exportPosters({ ...request, units: ['menzen'] })).rejects.toThrow(/没有叫 “menzen” 的单位/);
    await expect(exportPosters({ ...request, units: ['menzhen'] })).rejects.toThrow(/按这些条件没有可以导出的页面/);
    await new Promise((done) => setTimeout(done, 50));
    expect(servers()).toBe(before);
  });

  it('refuses zero or NaN parallel tabs before starting anything', async () => {
    const request = { siteDir: fakeSite(), base: '/', outDir: join(temp, 'out-nan'), executablePath: '/bin/true' };
    await expect(exportPosters({ ...request, jobs: Number('abc') })).rejects.toThrow(/--jobs 要写一个正整数.*“NaN”/);
    await expect(exportPosters({ ...request, jobs: 0 })).rejects.toThrow(/“0”/);
  });
});
