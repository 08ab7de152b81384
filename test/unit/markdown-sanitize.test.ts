/**
 * The Markdown sanitiser on its own, through the same Markdown processor
 * (Sätteri) and options the site uses: what goes, what stays, and the
 * details that keep the site's own Markdown working (footnotes, table
 * alignment, task lists, in-page links). The full build is tested in
 * test/build/xss.test.ts.
 */
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { decodeEntities, IFRAME_SANDBOX, isAllowedIframeSrc, literalValue, sanitizeHastPlugin, sanitizeTree, unsafeUrl } from '#lib/markdown/sanitize.ts';

const plugin = sanitizeHastPlugin({ iframeHosts: () => ['gongkai.ceshi.example'] });
const render = (markdown: string) => markdownToHtml(markdown, { features: { rawHtml: true }, hastPlugins: [plugin] }).html.trim();

describe('addresses', () => {
  it('recognises script and data addresses the way a browser reads them', () => {
    expect(unsafeUrl('javascript:alert(1)')).toBe('script');
    expect(unsafeUrl(' JaVaScRiPt:alert(1)')).toBe('script');
    expect(unsafeUrl('jav\tascript:alert(1)')).toBe('script');
    expect(unsafeUrl('jav&#x09;ascript:alert(1)')).toBe('script');
    expect(unsafeUrl('&#106;avascript:alert(1)')).toBe('script');
    expect(unsafeUrl('javascript&colon;alert(1)')).toBe('script');
    expect(unsafeUrl('vbscript:msgbox(1)')).toBe('script');
    expect(unsafeUrl('data:text/html;base64,PHNjcmlwdD4=')).toBe('data');
    expect(unsafeUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe('data');
    expect(unsafeUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('data-image');
    expect(unsafeUrl('https://zwfw.ceshi.example/')).toBeUndefined();
    expect(unsafeUrl('./forms/申请表.pdf')).toBeUndefined();
    expect(unsafeUrl('tel:057012345678')).toBeUndefined();
  });

  it('decodes numeric and named character references', () => {
    expect(decodeEntities('&#106;&#x61;&colon;&Tab;&amp;')).toBe('ja:\t&');
  });

  it('allows iframes only over https from an allowed host, exactly', () => {
    expect(isAllowedIframeSrc('https://player.bilibili.com/player.html?bvid=BV1')).toBe(true);
    expect(isAllowedIframeSrc('https://v.qq.com/txp/iframe/player.html?vid=x')).toBe(true);
    expect(isAllowedIframeSrc('https://gongkai.ceshi.example/ditu/', ['gongkai.ceshi.example'])).toBe(true);
    expect(isAllowedIframeSrc('http://player.bilibili.com/player.html')).toBe(false);
    expect(isAllowedIframeSrc('https://player.bilibili.com.evil.example/')).toBe(false);
    expect(isAllowedIframeSrc('https://evil.example/?player.bilibili.com')).toBe(false);
    expect(isAllowedIframeSrc('https://user:pw@player.bilibili.com/')).toBe(false);
    expect(isAllowedIframeSrc('https://player.bilibili.com:8443/')).toBe(false);
    expect(isAllowedIframeSrc('javascript:alert(1)')).toBe(false);
  });
});

describe('MDX string literals', () => {
  it('reads strings and comments, and refuses anything else', () => {
    expect(literalValue('"文字"')).toBe('文字');
    expect(literalValue("'a\\'b'")).toBe("a'b");
    expect(literalValue('`无替换`')).toBe('无替换');
    expect(literalValue('/* 注释 */')).toBe('');
    expect(literalValue('')).toBe('');
    expect(literalValue('`${x}`')).toBeUndefined();
    expect(literalValue('"a" + b')).toBeUndefined();
    expect(literalValue('"a" + "b"')).toBeUndefined();
    expect(literalValue('/* a */ alert(1) /* b */')).toBeUndefined();
    expect(literalValue('alert(1)')).toBeUndefined();
  });
});

describe('sanitised Markdown', () => {
  it('removes scripts, handlers and script addresses, and keeps the text around them', () => {
    expect(render('前 <script>alert(1)</script> 后')).toBe('<p>前  后</p>');
    expect(render('<img src="x" onerror="alert(1)">')).toBe('<img src="x">');
    expect(render('[链接](javascript:alert(1))')).toBe('<p><a>链接</a></p>');
    expect(render('<a href="jav&#x09;ascript:alert(1)">链接</a>')).toBe('<p><a>链接</a></p>');
    expect(render('<style>p{}</style>\n\n正文')).toBe('<p>正文</p>');
  });

  it('keeps tables with their alignment, task lists, details, abbr and kbd', () => {
    expect(render('| 项目 | 费用 |\n| :-- | --: |\n| 工本费 | 10 元 |')).toContain('<td style="text-align: right">10 元</td>');
    expect(render('- [x] 已带身份证')).toBe('<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled> 已带身份证</li>\n</ul>');
    expect(render('<details open><summary>须知</summary><abbr title="居民身份证">身份证</abbr> <kbd>Enter</kbd></details>')).toBe(
      '<details open><summary>须知</summary><abbr title="居民身份证">身份证</abbr> <kbd>Enter</kbd></details>',
    );
  });

  it('keeps other styles and a raw input out', () => {
    expect(render('<td style="color:red">x</td>')).not.toContain('style');
    expect(render('<p>填写：<input type="text" name="q"></p>')).toBe('<p>填写：</p>');
  });

  it('keeps footnotes working: every reference points at an id that exists, prefixed once', () => {
    const html = render('说明[^1]\n\n[^1]: 依据《测试条例》。');
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs.length).toBe(2);
    for (const href of hrefs) expect(ids.has(href), href).toBe(true);
    for (const id of ids) expect(id).toMatch(/^user-content-(?!user-content-)/);
  });

  it('prefixes ids and names written in HTML and rewrites in-page links to them', () => {
    const html = render('[见说明](#shuoming)\n\n<h3 id="shuoming" name="x">说明</h3>');
    expect(html).toContain('<a href="#user-content-shuoming">');
    expect(html).toContain('<h3 id="user-content-shuoming" name="user-content-x">');
    const chinese = render('[见说明](#说明)\n\n<h3 id="说明">说明</h3>');
    expect(decodeURIComponent(/href="([^"]+)"/.exec(chinese)?.[1] ?? '')).toBe('#user-content-说明');
  });

  it('leaves links to headings written in Markdown alone (Astro gives those ids afterwards)', () => {
    const href = /href="([^"]+)"/.exec(render('[温馨提示](#温馨提示)'))?.[1] ?? '';
    expect(decodeURIComponent(href)).toBe('#温馨提示');
  });

  it('keeps allowed iframes, sandboxed, lazy and titled, and drops the rest with their content', () => {
    const html = render(
      '<iframe src="https://player.bilibili.com/player.html?bvid=BV1">回退文字</iframe>\n\n<iframe src="https://evil.example/">回退文字</iframe>\n\n<iframe srcdoc="<b>x</b>"></iframe>',
    );
    expect(html).toBe(
      `<iframe src="https://player.bilibili.com/player.html?bvid=BV1" sandbox="${IFRAME_SANDBOX.join(' ')}" referrerpolicy="strict-origin-when-cross-origin" loading="lazy" title="嵌入的视频或页面"></iframe>`,
    );
  });

  it('drops nodes it does not know, such as unparsed raw HTML', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'raw', value: '<script>alert(1)</script>' },
        { type: 'text', value: '文字' },
      ],
    } as unknown as Root;
    expect(sanitizeTree(tree)).toEqual({ type: 'root', children: [{ type: 'text', value: '文字' }] });
  });
});

describe('sanitised MDX', () => {
  it('compiles no import, export, expression or component into the page’s code', async () => {
    const source = [
      "import fs from 'node:fs'",
      'export const leak = fs.readFileSync("/etc/passwd", "utf8")',
      '',
      '# 标题 {leak}',
      '',
      '<Widget onLoad={() => alert(1)} />',
      '',
      '<details open onToggle={() => alert(2)} title="t"><summary>展开</summary>{"字符串"}</details>',
    ].join('\n');
    const { code } = await mdxToJs(source, { features: { rawHtml: true }, hastPlugins: [plugin], jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
    expect(code).not.toMatch(/node:fs|readFileSync|leak|Widget|alert/);
    expect(code).toContain('"details"');
    expect(code).toContain('"字符串"');
  });
});
