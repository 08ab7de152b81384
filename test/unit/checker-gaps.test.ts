/** Gaps in content: 未公布, 待填写 and placeholder text are warnings at their line and column, never errors. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, hasErrors } from '#lib/content/check.ts';
import { containsGap, findGaps, isFilled, notStatedOf, placeholderIn } from '#lib/content/gaps.ts';
import type { Problem } from '#lib/content/problem.ts';
import { GAP_KINDS } from '#lib/content/rules/gaps.ts';
import { smallCopy, yaml } from '../helpers/content.ts';

describe('what counts as a gap', () => {
  it('reads 未公布 and 待填写 as the two "not stated" values, as written or as the schema keys', () => {
    expect(notStatedOf('未公布')).toBe('not-published');
    expect(notStatedOf(' 待填写 ')).toBe('unfilled');
    expect(notStatedOf('unfilled')).toBe('unfilled');
    expect(notStatedOf('本单位未公布收费信息')).toBeUndefined();
  });

  it('finds placeholder words inside a longer text, and empty words only as the whole value', () => {
    expect(placeholderIn('待填写受理条件')).toBe('待填写');
    expect(placeholderIn('原文未写')).toBe('原文未写');
    expect(placeholderIn('收费 xxx 元')).toBe('xxx');
    expect(placeholderIn('材料同上')).toBe('同上');
    expect(placeholderIn('见附件……')).toBe('……');
    expect(placeholderIn('TBD')).toBe('TBD');
    expect(placeholderIn('暂无')).toBe('暂无');
    expect(placeholderIn('—')).toBe('—');
    // Real statements that merely contain such words are left alone.
    expect(placeholderIn('目前暂无网上办理渠道，请到窗口办理')).toBeUndefined();
    expect(placeholderIn('无犯罪记录证明')).toBeUndefined();
    expect(placeholderIn('未公布')).toBeUndefined();
  });

  it('counts a list or object as filled only when nothing inside it is a gap', () => {
    expect(isFilled(['本县户籍居民'])).toBe(true);
    expect(isFilled(['本县户籍居民', '待补充'])).toBe(false);
    expect(isFilled([])).toBe(false);
    expect(isFilled('not-published')).toBe(false);
    expect(containsGap({ name: '工本费', amount: '未公布' })).toBe(true);
    expect(findGaps({ a: ['x', '待填写'], b: { c: '同上' } })).toEqual([
      { path: ['a', 1], kind: 'unfilled' },
      { path: ['b', 'c'], kind: 'placeholder', words: '同上' },
    ]);
  });
});

describe('the checker on gaps', () => {
  const dir = smallCopy('gaps');
  writeFileSync(
    join(dir, 'units/chuangkou/posts/shouli.yaml'),
    yaml(
      'name: 综合受理岗',
      'duties:',
      '  - 受理申请材料',
      '  - 待补充',
      'requirements: [未公布]',
      'timeLimits: [当场审核材料]',
      'phrases: [您好，请问办理什么业务？]',
      'complaint:',
      '  department: 待填写',
      '  phone: "0570-1234 9999"',
      'fiveKnows: [原文未写]',
    ),
  );
  const check = checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });
  const gaps = check.problems.filter((p) => GAP_KINDS.has(p.kind));
  const brief = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.kind} ${p.field ?? ''}（${p.fieldTitle ?? ''}）`;

  it('lists each gap as a warning with its file, line, column and field', () => {
    expect(gaps.map(brief)).toEqual([
      'units/chuangkou/posts/shouli.yaml:4:5 placeholder-text duties[1]（岗位职责）',
      'units/chuangkou/posts/shouli.yaml:5:16 not-published requirements[0]（履职要求）',
      'units/chuangkou/posts/shouli.yaml:9:15 unfilled complaint.department（投诉受理部门）',
      'units/chuangkou/posts/shouli.yaml:11:13 placeholder-text fiveKnows[0]（五知道）',
    ]);
    expect(gaps.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('says what each kind means and how to fill it in', () => {
    const [placeholder, notPublished, unfilled] = gaps;
    expect(placeholder?.message).toBe('“岗位职责”里的“待补充”是占位的字，不是内容，会原样印在公示牌上');
    expect(notPublished?.message).toContain('写的是“未公布”');
    expect(unfilled?.fix).toBe('按原文填上；原文确实没有写这一项的，改成 未公布');
  });

  it('lets the content publish: gaps are not errors', () => {
    expect(hasErrors(check.problems)).toBe(false);
  });
});

describe('staff without a photo yet', () => {
  const dir = smallCopy('nophoto');
  writeFileSync(join(dir, 'units/chuangkou/staff/wang-fang.yaml'), yaml('name: 王芳', 'post: shouli', 'window: "2"'));
  writeFileSync(join(dir, 'units/chuangkou/staff/zhao-lei.yaml'), yaml('name: 赵磊', 'post: shouli', 'left: 2026-06-30'));
  const { problems } = checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });

  it('are publishable, each listed as a warning naming who still needs one', () => {
    expect(hasErrors(problems)).toBe(false);
    const missing = problems.filter((p) => p.kind === 'no-photo');
    expect(missing).toEqual([
      {
        severity: 'warning',
        kind: 'no-photo',
        file: 'units/chuangkou/staff/wang-fang.yaml',
        line: 1,
        column: 1,
        field: 'photo',
        fieldTitle: '工作照',
        message: '王芳还没有工作照：网站、公示牌和胸卡上先显示“照片待补”',
        fix: '把工作照放在这个文件旁边，例如 wang-fang.jpg，再在 name 下面加一行 photo: ./wang-fang.jpg',
      },
    ]);
  });
});
