/**
 * The checker's Markdown and MDX rule: each script, event handler, script
 * address, foreign iframe and piece of MDX code at its exact line and
 * column in the file, with what will happen and how to do it instead.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { markdownProblems } from '#lib/markdown/check.ts';
import { SMALL } from '../helpers/content.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-markdown-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;

const FRONT = ['---', 'type: 公告', 'title: 元旦假期办公时间安排', 'date: 2026-11-18', '---'];

/** Markdown problems of a notice whose body is `lines`; line 6 of the file is the body's first line. */
function problemsOf(lines: string[], ext: 'md' | 'mdx' = 'md'): Problem[] {
  const dir = join(temp, `content-${count++}`);
  cpSync(SMALL, dir, { recursive: true });
  writeFileSync(join(dir, `notices/ceshi.${ext}`), `${[...FRONT, ...lines].join('\n')}\n`);
  const { entries } = checkContent(dir);
  expect(entries.some((e) => e.file === `notices/ceshi.${ext}`)).toBe(true);
  return markdownProblems(entries, { contentDir: dir, today: '2026-11-22' });
}

const at = (p: Problem) => `${p.severity} ${p.kind} ${p.line}:${p.column}`;

describe('raw HTML in Markdown', () => {
  it('errs on a script, at its tag', () => {
    const [p] = problemsOf(['请注意：', '', '<script>alert(1)</script>']);
    expect(p).toEqual({
      severity: 'error',
      kind: 'markdown-script',
      file: 'notices/ceshi.md',
      line: 8,
      column: 1,
      fieldTitle: '正文',
      message: '<script> 脚本发布时会被删除：内容里不能放脚本',
      fix: '删除 <script>…</script>。需要地图、视频、表单的，改用链接，或请网站管理员评估后嵌入',
    });
  });

  it('errs on event handlers at the attribute, in any case and across lines', () => {
    const problems = problemsOf(['文字 <img src=x onerror=alert(1)> 文字', '', '<p', '  ONMOUSEOVER="alert(2)">多行</p>']);
    expect(problems.map(at)).toEqual(['error markdown-event-handler 6:15', 'error markdown-event-handler 9:3']);
    expect(problems[0]?.message).toBe('onerror 属性是一段脚本，发布时会被删除：内容里不能写脚本');
    expect(problems[1]?.fix).toBe('删除 ONMOUSEOVER="…"');
  });

  it('errs on script addresses in HTML, however they are disguised, at the attribute', () => {
    const problems = problemsOf([
      '<a href="javascript:alert(1)">一</a>',
      '<a href="JAVASCRIPT:alert(2)">二</a>',
      '<a href="jav&#x09;ascript:alert(3)">三</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">四</a>',
      '<a href="vbscript:msgbox(5)">五</a>',
    ]);
    expect(problems.map(at)).toEqual([
      'error markdown-script-url 6:4',
      'error markdown-script-url 7:4',
      'error markdown-script-url 8:4',
      'error markdown-script-url 9:4',
      'error markdown-script-url 10:4',
    ]);
    expect(problems[0]?.message).toBe('地址“javascript:alert(1)”会执行脚本，发布时会被删除');
  });

  it('finds a handler hidden in an attribute value or a comment (mutation XSS)', () => {
    const problems = problemsOf(['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>']);
    expect(problems.map(at)).toContain('error markdown-event-handler 6:43');
  });

  it('errs on an iframe from another host, names the allowed ones, and accepts an allowed one', () => {
    const problems = problemsOf([
      '<iframe src="https://evil.example/x"></iframe>',
      '',
      '<iframe src="https://player.bilibili.com/player.html?bvid=BV1" title="视频"></iframe>',
      '',
      '<iframe src="https://gongkai.ceshi.example/ditu/" title="地图"></iframe>',
      '',
      '<iframe srcdoc="<p>x</p>"></iframe>',
    ]);
    expect(problems.map(at)).toEqual(['error markdown-iframe 6:9', 'error markdown-iframe 12:9', 'error markdown-iframe 12:1']);
    expect(problems[0]?.message).toBe('嵌入的网页（evil.example）不在允许的范围内（只允许 https:// 开头的 player.bilibili.com、v.qq.com、gongkai.ceshi.example），发布时会被删除');
  });

  it('warns about HTML that will be removed, and says nothing about HTML that stays', () => {
    const problems = problemsOf([
      '<style>body { display: none }</style>',
      '',
      '<details><summary>办理须知</summary>带 <abbr title="居民身份证">身份证</abbr>，按 <kbd>Enter</kbd>。</details>',
      '',
      '<table><tr><td>表格</td></tr></table>',
    ]);
    expect(problems.map(at)).toEqual(['warning markdown-removed-html 6:1']);
    expect(problems[0]?.message).toBe('<style> 发布时会被去掉');
  });

  it('ignores what is only shown as code', () => {
    expect(problemsOf(['`<script>alert(1)</script>`', '', '```html', '<img src=x onerror=alert(2)>', '```', '', '    <script>alert(3)</script>'])).toEqual([]);
  });
});

describe('links and images in Markdown', () => {
  it('errs on script addresses at the address, in links, images, autolinks and definitions', () => {
    const problems = problemsOf(['请点 [这里](javascript:alert(1)) 办理', '![图](JaVaScRiPt:alert(2))', '<javascript:alert(3)>', '[引用][x]', '', '[x]: javascript:alert(4)']);
    expect(problems.map(at)).toEqual(['error markdown-script-url 6:9', 'error markdown-script-url 7:6', 'error markdown-script-url 8:2', 'error markdown-script-url 11:6']);
  });

  it('warns about a picture written into the text', () => {
    const problems = problemsOf(['![图](data:image/png;base64,iVBORw0KGgo=)']);
    expect(problems.map(at)).toEqual(['warning markdown-data-image 6:6']);
    expect(problems[0]?.fix).toBe('把图片文件放在这个文件旁边，写成 ![说明](./图片.jpg)');
  });

  it('accepts ordinary links', () => {
    expect(problemsOf(['[政务网](https://zwfw.ceshi.example/) [电话](tel:057012345678) [邮箱](mailto:a@ceshi.example) [下文](#shuoming)'])).toEqual([]);
  });
});

describe('MDX', () => {
  it('errs on every import and export line', () => {
    const problems = problemsOf(["import fs from 'node:fs'", 'export const x = fs.readFileSync("/etc/passwd")', '', '正文'], 'mdx');
    expect(problems.map(at)).toEqual(['error mdx-esm 6:1', 'error mdx-esm 7:1']);
    expect(problems[0]?.message).toBe('MDX 文件里不能写 import：这是程序代码，会在生成网站时执行');
  });

  it('errs on expressions other than a string or a comment', () => {
    const problems = problemsOf(['今天是 {new Date().getFullYear()} 年 {"字符串可以"} {/* 注释可以 */}', '', '{process.exit(1)}'], 'mdx');
    expect(problems.map(at)).toEqual(['error mdx-expression 6:5', 'error mdx-expression 8:1']);
    expect(problems[0]?.message).toBe('MDX 的 { } 里是程序代码（“new Date().getFullYear()”），会在生成网站时执行，不允许');
  });

  it('errs on components, spread and expression attributes and handlers, at their place', () => {
    const problems = problemsOf(
      ['<Banner text="x" />', '', '<details open onToggle={() => alert(1)} {...props} title={`t`}><summary>S</summary>内容</details>', '', '<a href={url}>链接</a>'],
      'mdx',
    );
    expect(problems.map(at)).toEqual(['error mdx-component 6:1', 'error mdx-expression 8:41', 'error markdown-event-handler 8:15', 'error mdx-expression 10:4']);
    expect(problems[0]?.message).toBe('<Banner> 是一个组件，本网站没有提供可在 MDX 里使用的组件，发布时会被删除');
  });

  it('reports MDX that cannot be parsed at its place', () => {
    const [p] = problemsOf(['正文', '', '{没有闭合'], 'mdx');
    expect(p?.kind).toBe('mdx-syntax');
    expect(p?.line).toBe(8);
    expect(p?.fix).toBe('检查这一行的 { } 和 < > 是否成对；只写文字的，把文件扩展名改成 .md');
  });

  it('accepts plain HTML and Markdown in MDX', () => {
    expect(problemsOf(['## 小标题', '', '<details><summary>须知</summary>内容</details>', '', '- 列表'], 'mdx')).toEqual([]);
  });
});

describe('the example organisation', () => {
  it('has no Markdown problem', () => {
    const dir = join(SMALL, '../../../content');
    const { entries } = checkContent(dir);
    expect(markdownProblems(entries, { contentDir: dir, today: '2026-11-22' })).toEqual([]);
  });
});
