import { describe, expect, it } from 'vitest';
import { problemsIn, theProblemIn, yaml } from '../helpers/content.ts';

const FILE = 'units/chuangkou/posts/daoyi.yaml';

describe('YAML syntax errors', () => {
  it('points at a full-width colon and says to use an ASCII one', () => {
    const p = theProblemIn(FILE, yaml('name： 导医岗'));
    expect(p).toMatchObject({ kind: 'not-a-map', line: 1 });
    expect(p.message).toContain('中文全角冒号');
  });

  it('points at a full-width colon in the middle of a file', () => {
    const p = theProblemIn(FILE, yaml('name: 导医岗', 'duties： [引导]', 'requirements: [热情]'));
    expect(p).toMatchObject({ kind: 'yaml-syntax', line: 2 });
    expect(p.fix).toContain('英文半角冒号');
  });

  it('reports a full-width colon on a key once, not the lines under it as well', () => {
    const p = theProblemIn(FILE, yaml('name: 导医岗', 'complaint：', '  department: 医务科', '', '  phone: "0570-6012 3311"', 'duties: [引导]'));
    expect(p).toMatchObject({ kind: 'yaml-syntax', line: 2, column: 1 });
    expect(p.message).toContain('中文全角冒号');
  });

  it('still reports a later mistake outside the lines under that key', () => {
    const problems = problemsIn(FILE, yaml('name: 导医岗', 'complaint：', '  department: 医务科', '  phone: "0570-6012 3311"', 'duties： [引导]', 'requirements: [热情]'));
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 1],
      [5, 1],
    ]);
    expect(problems.every((p) => p.message.includes('中文全角冒号'))).toBe(true);
  });

  it('points at a tab used for indentation', () => {
    const p = theProblemIn(FILE, yaml('complaint:', '\tdepartment: 医务科'));
    expect(p).toMatchObject({ kind: 'yaml-syntax', line: 2, message: '用了制表符（Tab）缩进' });
  });

  it('points at the second of two identical keys', () => {
    const p = theProblemIn(FILE, yaml('name: 导医岗', 'duties: [引导]', 'name: 收费岗'));
    expect(p).toMatchObject({ kind: 'yaml-syntax', line: 3, message: '同一层里有两个相同的字段名' });
  });

  it('points at an unclosed quote', () => {
    const p = theProblemIn(FILE, yaml('name: "导医岗', 'duties: [引导]'));
    expect(p).toMatchObject({ kind: 'yaml-syntax', line: 1 });
    expect(p.message).toContain('引号没有闭合');
  });

  it('refuses JavaScript front matter instead of running it', () => {
    const marker = `siliang_test_${Date.now()}`;
    const text = ['---js', `{ title: (globalThis.${marker} = 'ran') }`, '---', ''].join('\n');
    const p = theProblemIn('notices/x.md', text);
    expect(p).toMatchObject({ kind: 'front-matter-language', line: 1 });
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('asks for a front matter when a Markdown file has none', () => {
    const p = theProblemIn('notices/x.md', '# 标题\n正文\n');
    expect(p).toMatchObject({ kind: 'no-front-matter', line: 1, message: '文件开头缺少用 --- 包起来的文件头' });
  });
});
