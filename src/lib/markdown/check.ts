/**
 * The content checker's rule for Markdown and MDX bodies: says, at the line
 * and column where it is written, what the sanitiser (./sanitize.ts) will
 * remove because it could run code, and what MDX may not contain because it
 * would run at build time.
 *
 * Errors (the build refuses the file):
 * - `<script>`, an event-handler attribute (`onclick`, `onerror`…), a
 *   `javascript:`/`vbscript:`/`data:` address in a link, image or HTML
 *   attribute, an `<iframe>` whose address is not https on an allowed host,
 *   `srcdoc`;
 * - in MDX: any `import`/`export`, any `{expression}` other than a string
 *   literal or a comment, any component (`<Name>`), spread or expression
 *   attributes. The site provides no MDX components, so none is allowed.
 * Warnings: other raw HTML that will be removed (`<style>`, `<form>`,
 * `<object>`, `<embed>`, `<meta>`, `<base>`…) and `data:` images.
 * Other raw HTML (`<details>`, `<abbr>`, `<kbd>`, tables…) is fine: nothing.
 *
 * Bodies are parsed with Sätteri, the processor the build uses, so code
 * blocks and inline code (where `<script>` is just text) are told apart from
 * HTML exactly as the build tells them apart.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { isEntryOf, type CheckedEntry, type RuleContext } from '../content/entry.ts';
import type { Problem } from '../content/problem.ts';
import type { Position } from '../content/source.ts';
import { bodyPositions } from './body.ts';
import { bodyPathProblem } from './paths.ts';
import { startTags } from './html.ts';
import { hostOf, IFRAME_HOSTS, isAllowedIframeSrc, isHtmlElementName, literalValue, SANITIZE_SCHEMA, unsafeUrl } from './sanitize.ts';

/**
 * Modules MDX content may import, by path. Empty: the site provides no
 * components for MDX. A component added later must be listed here and kept
 * by the sanitiser (./sanitize.ts) on purpose.
 */
export const MDX_IMPORTS: ReadonlySet<string> = new Set();

/** Attributes whose value is an address a browser may load or navigate to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'longdesc',
  'srcset',
  'dynsrc',
  'lowsrc',
  'ping',
  'manifest',
  'codebase',
  'archive',
  'classid',
  'icon',
  'usemap',
  'content',
]);

/** Elements whose whole content the sanitiser removes, or which are never kept. */
const ALLOWED_TAGS = new Set((SANITIZE_SCHEMA.tagNames ?? []).map((t) => t.toLowerCase()));

interface Node {
  type: string;
  position?: { start: { offset?: number; line: number; column: number }; end: { offset?: number } };
  children?: Node[];
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: string | null | { type: string; value: string } }>;
}

const short = (text: string, max = 24) => {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

const KEEP_TEXT = '表格、列表、加粗、链接请用 Markdown 写法';

/** Markdown and MDX problems in every entry with a body. */
export function markdownProblems(entries: readonly CheckedEntry[], ctx: RuleContext): Problem[] {
  const site = ctx.site ?? entries.find(isEntryOf('site'))?.data;
  const ownHosts = hostOf(site?.url);
  const allowedHosts = [...IFRAME_HOSTS, ...ownHosts].join('、');
  const problems: Problem[] = [];

  for (const entry of entries) {
    const body = entry.body;
    if (body === undefined || body.trim() === '') continue;
    const toFile = bodyPositions(entry, ctx.contentDir);
    const mdx = entry.file.toLowerCase().endsWith('.mdx');

    const report = (offset: number | undefined, severity: Problem['severity'], kind: string, message: string, fix: string) => {
      const position: Position | undefined = offset !== undefined ? toFile?.(offset) : undefined;
      problems.push({
        severity,
        kind,
        file: entry.file,
        ...(position ? { line: position.line, column: position.column } : {}),
        fieldTitle: '正文',
        message,
        fix,
      });
    };

    /** Where `needle` is first written between `from` and `to` (`from` when it is not found). */
    const find = (from: number, to: number, needle: RegExp | string): number => {
      const slice = body.slice(from, to);
      const at = typeof needle === 'string' ? slice.indexOf(needle) : slice.search(needle);
      return at === -1 ? from : from + at;
    };

    const checkUrl = (offset: number, url: string, image: boolean) => {
      const unsafe = unsafeUrl(url);
      if (unsafe === 'script') {
        report(offset, 'error', 'markdown-script-url', `地址“${short(url)}”会执行脚本，发布时会被删除`, '改成以 https:// 开头的网址，或删除这个链接');
      } else if (unsafe === 'data') {
        report(
          offset,
          'error',
          'markdown-script-url',
          `“data:”地址把一个网页或文件直接写在了文字里，可能执行脚本，发布时会被删除`,
          '网页请用 https:// 网址；文件放进内容文件夹，用 ./文件名 引用',
        );
      } else if (unsafe === 'data-image') {
        report(
          offset,
          'warning',
          'markdown-data-image',
          `图片直接写在了文字里（“data:image”），发布时会被去掉`,
          `把图片文件放在这个文件旁边，写成 ${image ? '![说明](./图片.jpg)' : './图片.jpg'}`,
        );
      }
    };

    /** Where the address of a link, image or definition is written: after `](`, `]:` or `<`. */
    const urlOffset = (type: string, url: string, start: number, end: number): number => {
      const slice = body.slice(start, end);
      const opener = type === 'definition' ? slice.indexOf(']:') : slice.lastIndexOf('](');
      let from = opener === -1 ? (slice.startsWith('<') ? 1 : 0) : opener + 2;
      while (from < slice.length && /[\s<]/.test(slice[from] as string)) from++;
      // Usually written as it was parsed; when written with character references, the destination's start is close enough.
      const at = slice.toLowerCase().indexOf(url.slice(0, 6).toLowerCase(), from);
      return start + (at === -1 ? from : at);
    };

    /** One HTML tag, wherever it came from (raw HTML in .md, JSX in .mdx), with the offset of each attribute. */
    const checkTag = (tagName: string, tagOffset: number, written: Array<{ name: string; value: string | undefined; offset: number }>) => {
      const name = tagName.toLowerCase();
      const attributes = written.map((a) => ({ ...a, written: a.name, name: a.name.toLowerCase() }));
      if (name === 'script') {
        report(
          tagOffset,
          'error',
          'markdown-script',
          '<script> 脚本发布时会被删除：内容里不能放脚本',
          '删除 <script>…</script>。需要地图、视频、表单的，改用链接，或请网站管理员评估后嵌入',
        );
        return;
      }
      if (name === 'iframe') {
        const src = attributes.find((a) => a.name === 'src');
        const srcdoc = attributes.find((a) => a.name === 'srcdoc');
        if (srcdoc) report(srcdoc.offset, 'error', 'markdown-iframe', '<iframe> 的 srcdoc 是直接写进去的网页，可能执行脚本，发布时会被删除', '删除 srcdoc；要展示的网页请用链接');
        if (!src?.value || !isAllowedIframeSrc(src.value, ownHosts)) {
          let host: string;
          try {
            host = src?.value ? new URL(src.value.trim()).host : '';
          } catch {
            host = '';
          }
          report(
            src?.offset ?? tagOffset,
            'error',
            'markdown-iframe',
            `嵌入的网页${host ? `（${host}）` : ''}不在允许的范围内（只允许 https:// 开头的 ${allowedHosts}），发布时会被删除`,
            '改成普通链接，例如 [观看办事视频](https://…)；确需嵌入的网站，请网站管理员加入 src/lib/markdown/sanitize.ts 的 IFRAME_HOSTS',
          );
        }
      } else if (
        !ALLOWED_TAGS.has(name) &&
        [
          'style',
          'form',
          'object',
          'embed',
          'applet',
          'meta',
          'base',
          'link',
          'frame',
          'frameset',
          'svg',
          'math',
          'input',
          'button',
          'textarea',
          'select',
          'template',
          'noscript',
          'title',
        ].includes(name)
      ) {
        report(tagOffset, 'warning', 'markdown-removed-html', `<${name}> 发布时会被去掉`, `删除它；${KEEP_TEXT}`);
      }
      for (const attribute of attributes) {
        if (/^on/i.test(attribute.name)) {
          report(
            attribute.offset,
            'error',
            'markdown-event-handler',
            `${attribute.written} 属性是一段脚本，发布时会被删除：内容里不能写脚本`,
            `删除 ${attribute.written}${mdx ? '={…}' : '="…"'}`,
          );
        } else if (URL_ATTRIBUTES.has(attribute.name) && attribute.value !== undefined) {
          const values =
            attribute.name === 'srcset'
              ? attribute.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
              : attribute.name === 'content'
                ? [attribute.value.replace(/^.*?url\s*=\s*/i, '')]
                : [attribute.value];
          for (const value of values) checkUrl(attribute.offset, value, name === 'img');
        } else if (attribute.name === 'style' && attribute.value !== undefined && /javascript:|vbscript:|expression\s*\(/i.test(attribute.value)) {
          report(attribute.offset, 'error', 'markdown-script-url', 'style 属性里写了脚本，发布时会被删除', `删除 style="…"；${KEEP_TEXT}`);
        }
      }
    };

    /** One node's own problems; its children are visited by the loop below. */
    const visit = (node: Node) => {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? body.length;
      switch (node.type) {
        case 'html':
          for (const tag of startTags(node.value ?? '')) {
            checkTag(
              tag.name,
              start + tag.start,
              tag.attributes.map((a) => ({ name: a.name, value: a.value, offset: start + a.start })),
            );
          }
          break;
        case 'link':
        case 'image':
        case 'definition':
          if (node.url !== undefined && unsafeUrl(node.url)) checkUrl(urlOffset(node.type, node.url, start, end), node.url, node.type === 'image');
          else if (node.url !== undefined) {
            // A local picture or file: it must be inside the content folder (./paths.ts).
            const bad = bodyPathProblem(node.type, node.url, entry.file, ctx.contentDir);
            if (bad) report(urlOffset(node.type, node.url, start, end), 'error', bad.kind, bad.message, bad.fix);
          }
          break;
        case 'mdxjsEsm': {
          const value = node.value ?? '';
          let offset = 0;
          for (const line of value.split('\n')) {
            const m = /^\s*(import|export)\b/.exec(line);
            const source = /from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/.exec(line);
            const path = source?.[1] ?? source?.[2];
            if (m && !(m[1] === 'import' && path !== undefined && MDX_IMPORTS.has(path))) {
              report(
                start + offset + line.indexOf(m[1] as string),
                'error',
                'mdx-esm',
                `MDX 文件里不能写 ${m[1]}：这是程序代码，会在生成网站时执行`,
                '删除这一行。本网站没有提供可在 MDX 里使用的组件；只写文字和表格的，把文件扩展名改成 .md',
              );
            }
            offset += line.length + 1;
          }
          break;
        }
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (literalValue(node.value ?? '') === undefined) {
            report(
              start,
              'error',
              'mdx-expression',
              `MDX 的 { } 里是程序代码（“${short(node.value ?? '')}”），会在生成网站时执行，不允许`,
              '删除 { }；要显示花括号本身，写成 \\{ 和 \\}；只写文字的，把文件扩展名改成 .md',
            );
          }
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const name = node.name ?? null;
          if (name === null) break; // a fragment <>…</>: nothing to run
          if (!isHtmlElementName(name)) {
            report(
              start,
              'error',
              'mdx-component',
              `<${name}> 是一个组件，本网站没有提供可在 MDX 里使用的组件，发布时会被删除`,
              '删除它，改用普通的 Markdown 写法；只写文字的，把文件扩展名改成 .md',
            );
            break;
          }
          const attributes: Array<{ name: string; value: string | undefined; offset: number }> = [];
          let searchFrom = start + 1 + name.length;
          for (const attribute of node.attributes ?? []) {
            if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
              const spread = typeof attribute.value === 'string' ? attribute.value.trim().slice(0, 3) : '';
              const at = find(searchFrom, end, new RegExp(`\\{\\s*${escapeRegExp(spread)}`));
              report(at, 'error', 'mdx-expression', `<${name}> 的 {…} 属性是程序代码，会在生成网站时执行，不允许`, '删除它，属性值请写成带引号的文字，例如 title="说明"');
              searchFrom = at + 1;
              continue;
            }
            const at = find(searchFrom, end, new RegExp(`(?<![\\w-])${escapeRegExp(attribute.name)}(?![\\w-])`));
            searchFrom = at + attribute.name.length;
            const raw = attribute.value;
            let value: string | undefined;
            if (raw !== null && typeof raw === 'object') {
              value = literalValue(raw.value);
              if (value === undefined && !/^on/i.test(attribute.name)) {
                report(at, 'error', 'mdx-expression', `${attribute.name}={…} 是程序代码，会在生成网站时执行，不允许`, `写成带引号的文字，例如 ${attribute.name}="…"`);
              }
            } else value = raw ?? undefined;
            attributes.push({ name: attribute.name, value, offset: at });
          }
          checkTag(name, start, attributes);
          break;
        }
        default:
          break;
      }
    };

    let tree: Node;
    try {
      tree = (mdx ? mdxToMdast(body) : markdownToMdast(body)) as unknown as Node;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const place = /^(\d+):(\d+)/.exec(message);
      const lines = body.split('\n');
      const offset = place ? lines.slice(0, Number(place[1]) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(place[2]) - 1 : undefined;
      report(
        offset,
        'error',
        mdx ? 'mdx-syntax' : 'markdown-syntax',
        `${mdx ? 'MDX' : 'Markdown'} 写法有误，网站无法生成：${message.replace(/^\d+:\d+(?:-\d+:\d+)?:\s*/, '')}`,
        mdx ? '检查这一行的 { } 和 < > 是否成对；只写文字的，把文件扩展名改成 .md' : '检查这一行的写法',
      );
      continue;
    }
    // In document order, on a stack of its own rather than by recursion: the
    // reader refuses bodies nested past LIMITS.markdownDepth, and a tree from
    // anywhere else must not overflow the call stack either.
    const pending: Node[] = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      visit(node);
      const children = node.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as Node);
    }
  }
  return problems;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
