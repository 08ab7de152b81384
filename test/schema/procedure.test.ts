import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsIn, SMALL, theProblemIn } from '../helpers/content.ts';

const FILE = 'units/chuangkou/procedures/ceshi-shixiang.md';
const original = readFileSync(join(SMALL, FILE), 'utf8');
const lines = original.split('\n');
/** The fixture's service guide with one front-matter line replaced. */
function withLine(match: string, replacement: string): string {
  const index = lines.findIndex((l) => l.startsWith(match));
  expect(index, `line starting ${match}`).toBeGreaterThan(0);
  return [...lines.slice(0, index), ...replacement.split('\n'), ...lines.slice(index + 1)].join('\n');
}
const lineOf = (match: string) => lines.findIndex((l) => l.startsWith(match)) + 1;

describe('procedure schema', () => {
  it('accepts a complete service guide', () => {
    expect(problemsIn(FILE, original)).toEqual([]);
  });

  it.each(['无', '""', '暂无'])('refuses a fee written as %s, since 无 could mean free or not filled in', (value) => {
    const p = theProblemIn(FILE, original.replace(/fee:\n(?: {2}.*\n)+/, `fee: ${value}\n`));
    expect(p).toMatchObject({ field: 'fee', fieldTitle: '收费标准', line: lineOf('fee:') });
    expect(p.message).toContain('分不清是没有还是没填');
    expect(p.fix).toContain('不收费');
  });

  it('refuses a fee left blank, pointing at its key', () => {
    const p = theProblemIn(FILE, original.replace(/fee:\n(?: {2}.*\n)+/, 'fee:\n'));
    expect(p).toMatchObject({ field: 'fee', line: lineOf('fee:'), column: 1 });
    expect(p.message).toContain('分不清是没有还是没填');
  });

  it('accepts 不收费 as the fee', () => {
    const text = original.replace(/fee:\n(?: {2}.*\n)+/, 'fee: 不收费\n');
    expect(problemsIn(FILE, text)).toEqual([]);
  });

  it('requires the legal basis of each fee item', () => {
    const text = original.replace(/ {4}basis: .*\n/, '');
    const p = theProblemIn(FILE, text);
    expect(p).toMatchObject({ field: 'fee[0].basis', fieldTitle: '收费依据', message: '缺少必填的“收费依据”' });
  });

  it('refuses a promised time limit longer than the statutory one', () => {
    const text = withLine('  statutory:', '  statutory: 3').replace('promised: 当场办结', 'promised: 5');
    const p = theProblemIn(FILE, text);
    expect(p).toMatchObject({ field: 'timeLimit.promised', line: lineOf('  promised:'), message: '承诺办结时限不能长于法定办结时限' });
  });

  it('accepts 当场办结 for both limits and a number of working days', () => {
    expect(problemsIn(FILE, withLine('  statutory:', '  statutory: 当场办结'))).toEqual([]);
  });

  it('explains the accepted forms of a material', () => {
    const p = theProblemIn(FILE, original.replace('form: 原件\n    note: 在有效期内', 'form: 正本\n    note: 在有效期内'));
    expect(p).toMatchObject({ field: 'materials[0].form', fieldTitle: '材料形式' });
    expect(p.fix).toContain('原件（original）、复印件（copy）、原件和复印件（original-and-copy）');
  });

  it('requires at least one step and one line of legal basis', () => {
    const text = original.replace(/steps:\n(?: {2}.*\n)+/, 'steps: []\n').replace(/legalBasis:\n(?: {2}.*\n)+/, 'legalBasis: []\n');
    const problems = problemsIn(FILE, text);
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['steps', '“办理流程”至少要写 1 项'],
      ['legalBasis', '“设定依据”至少要写 1 项'],
    ]);
  });

  it('reports front-matter lines as lines of the Markdown file', () => {
    const p = theProblemIn(FILE, withLine('visits:', 'visits: 一次'));
    // The front matter starts on line 2, after the opening ---.
    expect(p).toMatchObject({ field: 'visits', line: lineOf('visits:'), column: 9 });
    expect(p.message).toBe('“到现场次数”应为数字，实际是文字“一次”');
  });

  it('names a missing blank form by its path in the content folder', () => {
    const text = original.replace('    note: 在有效期内', '    note: 在有效期内\n    blankForm: ./forms/shenqingbiao.pdf');
    const p = theProblemIn(FILE, text);
    expect(p).toMatchObject({ field: 'materials[0].blankForm', message: '找不到附件文件 units/chuangkou/procedures/forms/shenqingbiao.pdf' });
  });
});
