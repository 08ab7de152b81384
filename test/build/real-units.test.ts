/**
 * A content folder written the way real units publish their material
 * (test/fixtures/real-units/, see its README.md): a police ID-card window,
 * a hospital's medical-record copying, a street office's social-security
 * station. It must check without an error, count what the sources leave
 * out as gaps (never as done), and show the forms real guides use on the
 * built pages and posters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { completeness } from '#lib/content/completeness.ts';
import { page, text } from '../helpers/html.ts';
import { buildInto, ROOT, runScript } from '../helpers/run.ts';

const REAL = join(ROOT, 'test/fixtures/real-units');
const TODAY = '2026-11-22';
const content = checkContent(REAL, { today: TODAY });

const temp = mkdtempSync(join(tmpdir(), 'siliang-real-units-'));
const out = join(temp, 'site');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The text of a built page's main content (or body, for print sheets), with runs of white space made one space. */
const shown = (file: string, selector = 'main') => flat(text(page(out, file).querySelector(selector)));

describe('a content folder written from real published guides', () => {
  it('checks with no error, and warns only where a source does not publish an element or publishes it vaguely', async () => {
    const run = await runScript('check.ts', ['--content', REAL, '--now', TODAY]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(content.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const of = (kind: string) =>
      content.problems
        .filter((p) => p.kind === kind)
        .map((p) => `${p.file} ${p.field ?? ''}`)
        .sort();
    // Every element written 未公布, and nothing else, is reminded of as not published.
    expect(of('not-published')).toEqual([
      'units/bingan/evaluations/2026-q3.yaml responses',
      'units/bingan/procedures/bingli-fuyin.md code',
      'units/bingan/procedures/bingli-fuyin.md fee',
      'units/bingan/procedures/bingli-fuyin.md legalBasis',
      'units/bingan/procedures/bingli-fuyin.md timeLimit.statutory',
      'units/paichusuo/pledges/2026.yaml items[0].status',
      'units/paichusuo/pledges/2026.yaml items[1].status',
      'units/paichusuo/procedures/shenfenzheng-huanling-buling.md code',
      'units/shebao-zhan/procedures/shebaoka-shenling.md timeLimit.statutory',
      'units/shebao-zhan/unit.yaml phone',
    ]);
    // The three posts publish their duties only; hours say 上午 or 下午 without clock times; 100% rests on 7 responses.
    expect(new Set(of('post-gap').map((f) => f.split(' ')[0]))).toEqual(
      new Set(['units/bingan/posts/bingli-fuyin.yaml', 'units/paichusuo/posts/huji-neiqin.yaml', 'units/shebao-zhan/posts/zonghe-chuangkou.yaml']),
    );
    expect(new Set(of('hours-part-of-day').map((f) => f.split(' ')[0]))).toEqual(
      new Set(['units/bingan/procedures/bingli-fuyin.md', 'units/bingan/unit.yaml', 'units/paichusuo/unit.yaml', 'units/shebao-zhan/unit.yaml']),
    );
    expect(of('few-responses')).toEqual(['units/shebao-zhan/evaluations/2026-q3.yaml goodRate']);
    expect(new Set(content.problems.map((p) => p.kind))).toEqual(new Set(['not-published', 'post-gap', 'hours-part-of-day', 'few-responses']));
  });

  it('counts every element a source does not publish as a gap in the report, not as filled', () => {
    const units = completeness(content.entries, { today: TODAY });
    const missing = (unit: string, procedure: string) => units.find((u) => u.unit === unit)?.procedures.find((p) => p.id === procedure)?.missing;
    expect(missing('bingan', 'bingli-fuyin')).toEqual(expect.arrayContaining(['事项编码', '法定时限', '收费标准', '设定依据']));
    expect(missing('paichusuo', 'shenfenzheng-huanling-buling')).toEqual(expect.arrayContaining(['事项编码']));
    // The station publishes no phone; the 12345 fallback the pages offer is not the unit's own.
    expect(missing('shebao-zhan', 'shebaoka-shenling')).toEqual(expect.arrayContaining(['法定时限', '咨询电话']));
    // What the sources do publish is counted as filled.
    expect(missing('paichusuo', 'shenfenzheng-huanling-buling')).not.toContain('收费标准');
    expect(missing('bingan', 'bingli-fuyin')).not.toContain('申请材料');
    for (const u of units) expect(u.percent, u.unit).toBeLessThan(100);
  });

  describe('built', () => {
    beforeAll(async () => {
      await buildInto(REAL, out, { now: TODAY });
    });

    it('shows the ID-card guide with its exception, its limit for applicants from elsewhere, 跨省通办, any of several documents and a WeChat account with no address', () => {
      const guide = shown('units/paichusuo/procedures/shenfenzheng-huanling-buling/index.html');
      for (const said of ['除省公安厅制证中心制卡时间外', '外省市户籍居民（异地办理）', '需经户籍地公安机关核验', '跨省通办', '全县任一派出所户籍窗口', '任选其一', '临溪公安'])
        expect(guide).toContain(said);
      const poster = shown('print/units/paichusuo/procedures/shenfenzheng-huanling-buling/a4/index.html', 'body');
      expect(poster).toContain('除省公安厅制证中心制卡时间外');
    });

    it('shows the record-copying guide by applicant, with its waiting period, its second campus’s hours and its fee honestly not published', () => {
      const guide = shown('units/bingan/procedures/bingli-fuyin/index.html');
      for (const said of [
        '死亡患者近亲属的代理人',
        '公安、司法机关',
        '出院 10 个工作日后可申请复印',
        '城南院区综合楼一楼病历复印窗口',
        '周一、周三、周五',
        '本事项未公布收费信息',
        '复印费按物价部门核定的标准收取',
      ])
        expect(guide).toContain(said);
    });

    it('sends citizens to the fallback line where the station publishes no phone, saying that it is not the station’s', () => {
      const board = shown('units/shebao-zhan/index.html');
      expect(board).toContain('本单位未公布电话，可拨打政务服务便民热线 12345');
      const guide = shown('units/shebao-zhan/procedures/shebaoka-shenling/index.html');
      expect(guide).toContain('本单位未公布电话，可拨打政务服务便民热线 12345');
      for (const said of ['全省通办', '临溪人社', '掌上12333']) expect(guide).toContain(said);
    });

    it('shows summer and winter hours, numbers as the board writes them, a standing pledge and a 好评率', () => {
      const board = shown('units/paichusuo/index.html');
      for (const said of ['夏季', '冬季', '14:30-17:30', '14:00-17:00', '2342699', '2342277']) expect(board).toContain(said);
      expect(shown('units/paichusuo/pledges/index.html')).toContain('长期');
      const evaluation = shown('units/shebao-zhan/evaluations/index.html');
      expect(evaluation).toContain('好评率');
      expect(evaluation).toContain('100%');
    });
  });
});
