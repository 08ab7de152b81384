/**
 * Bad input that used to crash the checker or slip through it garbled:
 * nesting deep enough to overflow the parsers' stacks, files and values of
 * megabytes, a folder where a file belongs, and text that is not UTF-8. Each
 * is a located problem in Chinese, found before anything parses it, and the
 * rest of the folder is still checked.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '#lib/content/check.ts';
import { LIMITS } from '#lib/content/limits.ts';
import type { Problem } from '#lib/content/problem.ts';
import { markdownProblems } from '#lib/markdown/check.ts';
import { problemsIn, SMALL, theProblemIn, yaml } from '../helpers/content.ts';

const STAFF = 'units/chuangkou/staff/li-hua.yaml';
const NOTICE = 'notices/gonggao.md';
const CHINESE = /[\u4e00-\u9fff]/;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the small fixture with `change` applied, and the errors the whole-folder check finds in it. */
function checkCopy(change: (dir: string) => void): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-limits-'));
  made.push(dir);
  cpSync(SMALL, dir, { recursive: true });
  change(dir);
  return checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' }).problems.filter((p) => p.severity === 'error');
}

const original = (file: string) => readFileSync(join(SMALL, file), 'utf8');

describe('nesting deep enough to overflow a parser', () => {
  it('refuses a YAML file nested 2,500 brackets deep at the bracket past the limit', () => {
    const text = yaml('name: 李华', `badges: ${'['.repeat(2500)}${']'.repeat(2500)}`);
    const p = theProblemIn(STAFF, text);
    expect(p).toMatchObject({ kind: 'too-deep', file: STAFF, line: 2 });
    // `badges: ` and then the brackets: the top level is one, so the 20th bracket is the 21st level.
    expect(p.column).toBe('badges: '.length + LIMITS.yamlDepth);
    expect(p.message).toContain(`上限 ${LIMITS.yamlDepth} 层`);
    expect(p.fix).toMatch(CHINESE);
  });

  it('refuses front matter indented 1,000 levels deep at the line past the limit', () => {
    // 2,500 levels overflowed the YAML parser under gray-matter; indented this way they also pass the size limit, so fewer.
    const levels = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}a:`);
    const text = ['---', 'type: 公告', 'title: 标题', 'extra:', ...levels, '---', '正文', ''].join('\n');
    const p = theProblemIn(NOTICE, text);
    // File line 4 is `extra:` at level 1; the level under it on line 5 is 2, so level 21 is on line 24.
    expect(p).toMatchObject({ kind: 'too-deep', file: NOTICE, line: 4 + LIMITS.yamlDepth });
  });

  it('accepts nesting as deep as the limit', () => {
    const levels = Array.from({ length: LIMITS.yamlDepth - 1 }, (_, i) => `${' '.repeat(i + 1)}a:`);
    const problems = problemsIn(STAFF, [original(STAFF), 'extra:', ...levels.slice(0, -1), `${levels.at(-1)} x`, ''].join('\n'));
    // The only complaint is the unknown field itself.
    expect(problems.map((p) => p.kind)).toEqual(['unrecognized_keys']);
  });

  it('refuses a Markdown body of 20,000 nested quotes at its line, before the Markdown parser sees it', () => {
    const body = `元旦假期窗口暂停办公。\n\n${'> '.repeat(20_000)}深处的一句话\n`;
    const errors = checkCopy((dir) => writeFileSync(join(dir, NOTICE), original(NOTICE).replace('元旦假期窗口暂停办公。\n', body)));
    expect(errors).toHaveLength(1);
    // The front matter is six lines; the quotes are on the body's third line.
    expect(errors[0]).toMatchObject({ kind: 'too-deep', file: NOTICE, line: 9, column: 2 * LIMITS.markdownDepth + 1, fieldTitle: '正文' });
    expect(errors[0]?.message).toContain(`上限 ${LIMITS.markdownDepth} 层`);
  });

  it('refuses HTML elements left open past the limit in a Markdown body', () => {
    const text = `${original(NOTICE)}\n${'<div>'.repeat(LIMITS.markdownDepth + 1)}x\n`;
    const p = theProblemIn(NOTICE, text);
    expect(p).toMatchObject({ kind: 'too-deep', line: 9, column: LIMITS.markdownDepth * '<div>'.length + 1 });
  });

  it('walks a Markdown tree deeper than the call stack without overflowing it, to its deepest node', () => {
    // The reader would refuse this body; the walk must not depend on that.
    const entry = {
      collection: 'notices',
      id: 'x',
      slug: 'x',
      file: 'notices/x.md',
      data: {},
      body: `${'> '.repeat(20_000)}<script>alert(1)</script>\n`,
    } as unknown as CheckedEntry;
    const problems = markdownProblems([entry], { contentDir: SMALL, today: '2026-11-22' });
    expect(problems.map((p) => p.kind)).toEqual(['markdown-script']);
  });

  it('reports synonyms.txt that is a folder, and checks the rest of the folder', () => {
    const errors = checkCopy((dir) => {
      mkdirSync(join(dir, 'synonyms.txt'));
      writeFileSync(join(dir, STAFF), original(STAFF).replace('number: "CK0101"', 'number: 0101'));
    });
    expect(errors.map((p) => p.file).sort()).toEqual(['synonyms.txt', STAFF]);
    expect(errors.find((p) => p.file === 'synonyms.txt')?.message).toBe('synonyms.txt 应该是一个同义词文件，这里却是一个文件夹');
  });
});

describe('size', () => {
  it('refuses a file over 1 MB before parsing it, saying how large it is and what the limit is', () => {
    const text = `${original(NOTICE)}${'a'.repeat(1.5 * 1024 * 1024 - Buffer.byteLength(original(NOTICE)))}`;
    const p = theProblemIn(NOTICE, text);
    expect(p).toMatchObject({ kind: 'file-too-large', file: NOTICE, line: 1 });
    expect(p.message).toBe('文件太大（1.5 MB），一个内容文件最多 1.0 MB');
  });

  it('refuses a value over 20,000 characters at its line and field, and accepts one of exactly 20,000', () => {
    const at = (length: number) => problemsIn(STAFF, original(STAFF).replace('title: 助理经济师', `title: ${'经'.repeat(length)}`));
    const [p, ...rest] = at(LIMITS.valueChars + 1);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ kind: 'value-too-long', file: STAFF, line: 5, column: 8, field: 'title' });
    expect(p?.message).toBe('这个值太长：有 20,001 个字符，一个值最多 20,000 个字符');
    expect(at(LIMITS.valueChars).filter((q) => q.kind === 'value-too-long')).toEqual([]);
  });

  it('refuses a long value in front matter too, at its line in the Markdown file', () => {
    const p = theProblemIn(NOTICE, original(NOTICE).replace('title: 元旦假期办公时间安排', `title: ${'假'.repeat(30_000)}`));
    expect(p).toMatchObject({ kind: 'value-too-long', line: 3, field: 'title' });
  });

  it('stops reading synonyms.txt at the line that passes the limit on words', () => {
    const lines = Array.from({ length: LIMITS.synonymWords / 2 + 1 }, (_, i) => `词${i}甲 ~ 词${i}乙`);
    const errors = checkCopy((dir) => writeFileSync(join(dir, 'synonyms.txt'), `# 同义词\n${lines.join('\n')}\n`));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'synonyms-too-many', file: 'synonyms.txt', line: LIMITS.synonymWords / 2 + 2 });
  });
});

describe('text that is not UTF-8', () => {
  it('refuses a YAML file saved as GBK, at its first such line, showing that line read as GBK', () => {
    const errors = checkCopy((dir) => writeFileSync(join(dir, STAFF), iconv.encode(original(STAFF), 'gbk')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'not-utf8', file: STAFF, line: 1, column: 7 });
    expect(errors[0]?.message).toBe('文件不是 UTF-8 编码，网站上会显示成乱码：看起来是 GBK（ANSI）编码，这一行是“name: 李华”');
    expect(errors[0]?.fix).toContain('另存为');
    expect(errors[0]?.fix).toContain('UTF-8');
  });

  it('finds the one line of a Markdown file pasted in from a GBK file', () => {
    const lines = original(NOTICE).split('\n');
    const errors = checkCopy((dir) =>
      writeFileSync(join(dir, NOTICE), Buffer.concat([Buffer.from(`${lines.slice(0, 6).join('\n')}\n`), iconv.encode(`${lines.slice(6).join('\n')}`, 'gbk')])),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'not-utf8', file: NOTICE, line: 7, column: 1 });
    expect(errors[0]?.message).toContain('“元旦假期窗口暂停办公。”');
  });

  it('names UTF-16 (Notepad’s “Unicode”) as the encoding', () => {
    const errors = checkCopy((dir) => writeFileSync(join(dir, STAFF), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(original(STAFF), 'utf-16le')])));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'not-utf8', line: 1 });
    expect(errors[0]?.message).toContain('UTF-16');
  });

  it('refuses synonyms.txt saved as GBK', () => {
    const errors = checkCopy((dir) => writeFileSync(join(dir, 'synonyms.txt'), iconv.encode('户口 ~ 户籍\n孩子 ~ 新生儿\n', 'gbk')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'not-utf8', file: 'synonyms.txt', line: 1 });
    expect(errors[0]?.message).toContain('“户口 ~ 户籍”');
  });

  it('accepts UTF-8 with a byte-order mark silently, in YAML, Markdown and synonyms.txt alike', () => {
    const errors = checkCopy((dir) => {
      for (const file of [STAFF, NOTICE]) writeFileSync(join(dir, file), `\uFEFF${original(file)}`);
      writeFileSync(join(dir, 'synonyms.txt'), '\uFEFF户口 ~ 户籍\n');
    });
    expect(errors).toEqual([]);
  });
});
