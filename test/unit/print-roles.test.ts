/**
 * The roles of printed text, as the print size test and `npm run bench`
 * read them from a print page's HTML and match them to the PDF's runs
 * (src/node/bench/print-type.ts).
 */
import { describe, expect, it } from 'vitest';
import { joinLines, roleOfRun, textRoles, type TextRun } from '#node/bench/print-type.ts';

const run = (str: string, pt = 12, y = 0): TextRun => ({ str, pt, x: 0, y, page: 1 });

const html = `<html><head><title>门诊 公示栏</title><style>h1{}</style></head><body>
<div class="toolbar"><p>用浏览器打印时：纸张选 A3</p></div>
<article class="sheet"><header><h1>门诊服务中心<span class="kind">“四亮”公示栏</span></h1></header>
<p class="running-title" data-heading><span>青溪县人民医院</span></p>
<h3>导医岗</h3><p>在门诊大厅 导诊服务台 值守</p>
<p class="sub-h"><b>承诺事项</b></p>
<footer><p class="meta" data-caption><span>青溪县政务公开</span> <span><h4>不是标题</h4></span></p></footer></article></body></html>`;

describe('text roles of a print page', () => {
  const roles = textRoles(html);

  it('reads h1–h4 and [data-heading] text as heading, [data-caption] text as caption (even a heading inside it), the rest as body', () => {
    expect(roles.heading).toEqual(['门诊服务中心', '“四亮”公示栏', '青溪县人民医院', '导医岗']);
    expect(roles.caption).toEqual(['青溪县政务公开', '不是标题']);
    expect(roles.body).toEqual(['在门诊大厅导诊服务台值守', '承诺事项']);
  });

  it('leaves out the screen-only toolbar, the title, styles and scripts', () => {
    const all = [...roles.heading, ...roles.body, ...roles.caption].join('');
    expect(all).not.toContain('浏览器');
    expect(all).not.toContain('h1{}');
    expect(all).not.toContain('门诊公示栏');
  });

  it('gives a PDF run the one role whose text contains it, and none when two roles could or none does', () => {
    expect(roleOfRun(run('门诊服务 中心'), roles)).toBe('heading');
    expect(roleOfRun(run('导诊服务台'), roles)).toBe('body');
    expect(roleOfRun(run('政务公开'), roles)).toBe('caption');
    // A whole piece wins over a part of another: 导医岗 is a heading, though a body line could name it too.
    expect(roleOfRun(run('导医岗'), { ...roles, body: [...roles.body, '台签·导医岗'] })).toBe('heading');
    // 青溪县 is in a heading and in a caption.
    expect(roleOfRun(run('青溪县'), roles)).toBeUndefined();
    expect(roleOfRun(run('2026年12月7日'), roles)).toBeUndefined();
    expect(roleOfRun(run('  '), roles)).toBeUndefined();
  });

  it('joins the runs of one line at one size before reading their role: a spaced-out name comes one character a run', () => {
    const lines = joinLines([run('门', 30, 100), run('诊', 30, 100), run('服务中心', 30, 100.2), run('在门诊大厅', 12, 80), run('导诊服务台', 12, 60)]);
    expect(lines.map((l) => l.str)).toEqual(['门诊服务中心', '在门诊大厅', '导诊服务台']);
    expect(roleOfRun(run('门'), roles)).toBeUndefined();
    expect(roleOfRun(lines[0] as TextRun, roles)).toBe('heading');
  });
});
