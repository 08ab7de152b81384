/**
 * Placeholder text in a Markdown body (a guide's 温馨提示, a notice) is a
 * warning at the line and column where it is written, like one in a field:
 * 原文未写, 待补充, 暂无, xxx, ……, 同上 stand in for a fact and would be
 * published as they are.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, hasErrors } from '#lib/content/check.ts';
import { placeholdersInText } from '#lib/content/gaps.ts';
import type { Problem } from '#lib/content/problem.ts';
import { smallCopy } from '../helpers/content.ts';

describe('placeholders in running text', () => {
  it('finds every placeholder word with where it is written', () => {
    expect(placeholdersInText('材料同上，费用 xxx 元')).toEqual([
      { index: 2, words: '同上' },
      { index: 8, words: 'xxx' },
    ]);
    expect(placeholdersInText('原文未写。')).toEqual([{ index: 0, words: '原文未写' }]);
    expect(placeholdersInText('详见……')).toEqual([{ index: 2, words: '……' }]);
  });

  it('takes a text that says nothing but 暂无 as a placeholder, and leaves 暂无 inside a statement alone', () => {
    expect(placeholdersInText('暂无。')).toEqual([{ index: 0, words: '暂无' }]);
    expect(placeholdersInText('本事项暂无收费项目。')).toEqual([]);
    expect(placeholdersInText('本单位未公布电话，可拨打 12345。')).toEqual([]);
  });
});

describe('the checker on placeholders in Markdown bodies', () => {
  const dir = smallCopy('body-gaps');
  // The guide's body starts at line 47 (## 温馨提示); these lines follow its last line, 49.
  appendFileSync(
    join(dir, 'units/chuangkou/procedures/ceshi-shixiang.md'),
    ['', '- 办理时间同上。', '- 暂无', '- 邮寄费用 xxx 元，详见……', '', '```', '示例编号 xxx-xxx', '```', '', '行内代码 `同上` 不算。', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'notices/gonggao.md'),
    ['---', 'type: 公告', 'title: 元旦假期办公时间安排', 'date: 2026-11-18', 'signer: 测试县政务服务中心', '---', '元旦假期窗口暂停办公，恢复时间待补充。', ''].join('\n'),
  );
  const check = checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });
  const inBodies = check.problems.filter((p) => p.kind === 'placeholder-text' && p.fieldTitle === '正文');
  const brief = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.message.match(/“(.+?)”/)?.[1] ?? ''}`;

  it('warns at the file, line and column of each placeholder in a guide and a notice body', () => {
    expect(inBodies.map(brief)).toEqual([
      'notices/gonggao.md:7:16 待补充',
      'units/chuangkou/procedures/ceshi-shixiang.md:51:7 同上',
      'units/chuangkou/procedures/ceshi-shixiang.md:52:3 暂无',
      'units/chuangkou/procedures/ceshi-shixiang.md:53:8 xxx',
      'units/chuangkou/procedures/ceshi-shixiang.md:53:16 ……',
    ]);
  });

  it('leaves code blocks and inline code alone', () => {
    expect(inBodies.filter((p) => p.line !== undefined && p.line >= 55)).toEqual([]);
  });

  it('warns in Chinese, with the line and a fix, and never blocks publishing', () => {
    expect(inBodies.every((p) => p.severity === 'warning')).toBe(true);
    expect(hasErrors(check.problems)).toBe(false);
    const first = inBodies.find((p) => p.file.startsWith('units/'));
    expect(first?.message).toBe('正文第 51 行的“同上”是占位的字，不是内容，会原样显示在网页上');
    expect(first?.fix).toContain('改成原文的内容');
  });
});
