/**
 * What the Markdown bodies of service guides and notices may become on the
 * published site. Publicity staff paste text from Word, web pages and chat
 * messages; raw HTML in it must never run code in a citizen's browser.
 *
 * Contract:
 * - `sanitizeTree` turns a rendered Markdown/MDX tree (hast) into a safe one:
 *   a GitHub-style allow-list of elements and attributes (rehype-sanitize's
 *   `defaultSchema`, adjusted below), no `<script>`, `<style>`, `<object>`,
 *   `<embed>`, `<form>`, `<base>`, `<meta>`, `<link>`, no `on…` attribute,
 *   no `style` attribute (except a table cell's text alignment), and links
 *   and images only to `http:`/`https:` (links also `mailto:` and `tel:`) or
 *   relative addresses: `javascript:`, `vbscript:` and `data:` are removed,
 *   `data:` images too (put the picture in the content folder instead).
 * - `<iframe>` survives only with an `https:` address on an allowed host
 *   (`IFRAME_HOSTS`, plus the organisation's own site host, which the caller
 *   passes), and is then sandboxed: it may play video but not navigate the
 *   page, submit forms or open dialogs.
 * - `id` and `name` written in raw HTML get the prefix `user-content-`, so
 *   that content can never take over an id the page itself uses
 *   (`#materials`, `#fees`…) or a global name a script reads ("DOM
 *   clobbering"). In-page links to such an id (`<a href="#faq">` with
 *   `<h2 id="faq">`) are rewritten to match. Headings written in Markdown
 *   (`## 温馨提示`) get their ids from Astro after sanitising, unprefixed.
 * - MDX: only plain HTML elements with literal attribute values and string
 *   literal expressions are kept; components, `import`/`export` and every
 *   other `{expression}` are removed before MDX is compiled to code, so
 *   nothing in a content file runs at build time. The content checker
 *   (`./check.ts`) reports each of them as an error first.
 * - Whatever cannot be classified (an unknown node type, an unparsed `raw`
 *   node) is dropped: the sanitiser fails closed.
 *
 * Pure: no Astro imports. astro.config.mjs plugs `sanitizeHastPlugin` into
 * Astro's Markdown processor (Sätteri), which runs it for .md and .mdx.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { captionTables } from './tables.ts';

/**
 * Hosts whose players may be embedded with `<iframe src="https://…">`:
 * Bilibili and Tencent Video, where units commonly publish explainer videos.
 * The organisation's own site host (site.yaml `url`) is allowed as well.
 * To allow another video or map service, add its exact host name here (not a
 * pattern: `player.bilibili.com`, never `*.bilibili.com`) and say why in the
 * commit.
 */
export const IFRAME_HOSTS: readonly string[] = ['player.bilibili.com', 'v.qq.com'];

/** The prefix given to ids and names written in raw HTML (rehype-sanitize's default). */
export const CLOBBER_PREFIX = 'user-content-';

/** Address schemes allowed per URL attribute; relative addresses are always allowed. */
const PROTOCOLS: Record<string, string[]> = {
  href: ['http', 'https', 'mailto', 'tel'],
  src: ['http', 'https'],
  cite: ['http', 'https'],
  longDesc: ['http', 'https'],
};

/** Attributes GitHub allows on every element that only make sense on forms, which are not allowed. */
const FORM_ATTRIBUTES = new Set(['action', 'method', 'encType', 'accept', 'acceptCharset']);

/** GFM table alignment, which Sätteri writes as a style attribute on cells. */
const TEXT_ALIGN = /^text-align:\s*(?:left|right|center);?$/;

/** The sandbox every allowed iframe gets: video plays, the page cannot be navigated or spoofed. */
export const IFRAME_SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'];

const baseAttributes = defaultSchema.attributes ?? {};
const nameOf = (definition: string | readonly unknown[]) => (typeof definition === 'string' ? definition : String(definition[0]));

/**
 * The allow-list, derived from rehype-sanitize's GitHub-style `defaultSchema`:
 * adds `<abbr>`, `<iframe>` (filtered further by host), `<caption>`,
 * `<figure>`, `<mark>`, `<time>` and a few other harmless text elements,
 * keeps `<details>`/`<summary>`, `<kbd>`, tables, lists and task lists,
 * removes form attributes and the irc/xmpp schemes, and drops the content of
 * `<style>`, `<template>`, `<noscript>` and `<textarea>` along with
 * `<script>`.
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'caption', 'cite', 'dfn', 'figcaption', 'figure', 'iframe', 'mark', 'small', 'time', 'u'],
  attributes: {
    ...baseAttributes,
    '*': (baseAttributes['*'] ?? []).filter((definition) => !FORM_ATTRIBUTES.has(nameOf(definition))),
    iframe: ['src', 'title', 'width', 'height', 'allowFullScreen'],
    td: [...(baseAttributes['td'] ?? []), ['style', TEXT_ALIGN]],
    th: [...(baseAttributes['th'] ?? []), ['style', TEXT_ALIGN]],
  },
  // Task-list checkboxes are the only inputs Markdown makes; a raw <input> elsewhere goes.
  ancestors: { ...defaultSchema.ancestors, input: ['li'] },
  protocols: PROTOCOLS,
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes'],
  clobberPrefix: CLOBBER_PREFIX,
};

const CLOBBERED = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'] as const;

export interface SanitizeOptions {
  /**
   * More hosts allowed in iframes, typically the organisation's own site
   * host. A function is called once per document, so it can read settings
   * that are only known once the build has started.
   */
  iframeHosts?: readonly string[] | (() => readonly string[]);
}

// ---------------------------------------------------------------------------
// Addresses

/** Decodes the character references a browser decodes in attribute values: `&#106;`, `&#x6A;`, `&colon;`… */
export function decodeEntities(value: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    colon: ':',
    tab: '\t',
    newline: '\n',
    lpar: '(',
    rpar: ')',
    sol: '/',
    period: '.',
    comma: ',',
    semi: ';',
    nbsp: '\u00a0',
    num: '#',
    excl: '!',
  };
  return value.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z]+));?/g, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return named[(name ?? '').toLowerCase()] ?? whole;
  });
}

export type UnsafeUrl = 'script' | 'data' | 'data-image';

/**
 * A picture embedded as a data: address: removed like any data: address, but
 * the checker only warns about it. Media types a browser shows, not the file
 * extensions content may use (src/schemas/context.ts): no TIFF, which no
 * browser shows, and no SVG, whose data: address can carry a script.
 */
const EMBEDDED_PICTURE = /^data:image\/(?:png|jpe?g|gif|webp|avif)[;,]/;

/** What a browser drops from an address before reading its scheme. A constant of its own so that the lint exception stays on its line however the code is formatted. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const IGNORED_IN_URL = /[\u0000-\u0020\u00a0\u200b-\u200d\ufeff]/g;

/**
 * Says whether an address would run code or carry a document of its own,
 * read the way a browser reads it: character references decoded, tabs,
 * newlines and other control characters removed, case ignored.
 * `data-image` is a picture embedded in the text (removed, but harmless).
 */
export function unsafeUrl(value: string): UnsafeUrl | undefined {
  const url = decodeEntities(value).replace(IGNORED_IN_URL, '').toLowerCase();
  if (/^(?:javascript|vbscript|livescript):/.test(url)) return 'script';
  if (url.startsWith('data:')) return EMBEDDED_PICTURE.test(url) ? 'data-image' : 'data';
  return undefined;
}

/** True when `src` may be shown in an iframe: https, no credentials or port, host on the allow-list. */
export function isAllowedIframeSrc(src: string, extraHosts: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(src.trim());
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return [...IFRAME_HOSTS, ...extraHosts].some((allowed) => allowed.toLowerCase() === host);
}

/** The host of a site address such as site.yaml's `url`, for `iframeHosts`. */
export function hostOf(siteUrl: string | undefined): string[] {
  if (!siteUrl) return [];
  try {
    return [new URL(siteUrl).hostname.toLowerCase()];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------
// MDX: keep plain HTML written as JSX, drop everything that is code

/**
 * The value of a JavaScript string literal (`"…"`, `'…'`, or a template
 * without `${}`), or `undefined` when `source` is anything else. A lone
 * comment (`/* … *\/`) or nothing at all gives `''`: MDX's way to write a
 * comment.
 */
export function literalValue(source: string): string | undefined {
  const s = source.trim();
  if (s === '' || (/^\/\*[\s\S]*\*\/$/.test(s) && !s.slice(2, -2).includes('*/'))) return '';
  const quote = s[0];
  if (s.length < 2 || (quote !== '"' && quote !== "'" && quote !== '`') || s.at(-1) !== quote) return undefined;
  const inner = s.slice(1, -1);
  if (quote === '`' && inner.includes('${')) return undefined;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] as string;
    if (c === quote) return undefined; // an unescaped quote: two literals joined by code
    if (c !== '\\') {
      if (quote !== '`' && (c === '\n' || c === '\r')) return undefined;
      out += c;
      continue;
    }
    const next = inner[++i];
    if (next === undefined) return undefined;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
    if (next === 'u') {
      const hex = /^\{([0-9a-fA-F]{1,6})\}|^([0-9a-fA-F]{4})/.exec(inner.slice(i + 1));
      const code = hex ? Number.parseInt(hex[1] ?? hex[2] ?? '', 16) : Number.NaN;
      if (!hex || !(code <= 0x10ffff)) return undefined;
      out += String.fromCodePoint(code);
      i += hex[0].length;
    } else if (next === 'x') {
      const hex = /^[0-9a-fA-F]{2}/.exec(inner.slice(i + 1));
      if (!hex) return undefined;
      out += String.fromCharCode(Number.parseInt(hex[0], 16));
      i += 2;
    } else if (next === '\n') {
      // A line continuation.
    } else {
      out += simple[next] ?? next;
    }
  }
  return out;
}

/** JSX attribute names to hast property names, for the attributes the schema can keep. */
const PROPERTY_NAMES: Record<string, string> = {
  class: 'className',
  classname: 'className',
  for: 'htmlFor',
  htmlfor: 'htmlFor',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  datetime: 'dateTime',
  tabindex: 'tabIndex',
  allowfullscreen: 'allowFullScreen',
  longdesc: 'longDesc',
  hreflang: 'hrefLang',
  srcset: 'srcSet',
  usemap: 'useMap',
  ismap: 'isMap',
  maxlength: 'maxLength',
  readonly: 'readOnly',
  accesskey: 'accessKey',
  cellpadding: 'cellPadding',
  cellspacing: 'cellSpacing',
  valign: 'vAlign',
  nowrap: 'noWrap',
  noshade: 'noShade',
  nohref: 'noHref',
  hspace: 'hSpace',
  charoff: 'charOff',
  itemprop: 'itemProp',
  itemscope: 'itemScope',
  itemtype: 'itemType',
};

function propertyName(attribute: string): string {
  const lower = attribute.toLowerCase();
  const known = PROPERTY_NAMES[lower];
  if (known) return known;
  const dashed = /^(aria|data)-(.+)$/.exec(lower);
  if (dashed) return `${dashed[1]}${(dashed[2] ?? '').replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase())}`;
  // JSX already camel-cases (ariaLabel, dataFoo); anything else the schema does not know is dropped.
  return /^(aria|data)[A-Z]/.test(attribute) ? attribute : lower;
}

interface MdxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** True for names MDX treats as plain HTML elements rather than components. */
export function isHtmlElementName(name: string): boolean {
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(name);
}

function mdxProperties(attributes: readonly MdxAttribute[]): Properties {
  const properties: Properties = {};
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue; // spread attributes are code
    const raw = attribute.value;
    const value = raw === null || raw === undefined ? true : typeof raw === 'string' ? raw : literalValue(raw.value);
    if (value === undefined) continue;
    const property = propertyName(attribute.name);
    properties[property] = property === 'className' && typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
  }
  return properties;
}

type AnyNode = { type: string; [key: string]: unknown };

/**
 * Rewrites one child list in place: MDX nodes become plain hast or go,
 * prefixes already applied to ids (GFM footnotes come prefixed) are taken
 * off so that the sanitiser applies exactly one.
 */
function prepareChildren(children: readonly AnyNode[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of children) {
    switch (node.type) {
      case 'element': {
        const element = node as unknown as Element;
        out.push({
          type: 'element',
          tagName: element.tagName,
          properties: unprefixed(element.properties ?? {}),
          children: prepareChildren((element.children ?? []) as unknown as AnyNode[]) as ElementContent[],
        });
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = typeof node['name'] === 'string' ? node['name'] : null;
        const children = prepareChildren((node['children'] ?? []) as AnyNode[]);
        if (name === null)
          out.push(...children); // a fragment: <>…</>
        else if (isHtmlElementName(name)) {
          out.push({
            type: 'element',
            tagName: name,
            properties: mdxProperties((node['attributes'] ?? []) as MdxAttribute[]),
            children: children as ElementContent[],
          });
        }
        // Components (capitalised or dotted names) are not allowed: dropped with their content.
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const text = literalValue(String(node['value'] ?? ''));
        if (text) out.push({ type: 'text', value: text });
        break;
      }
      case 'text':
      case 'comment':
        out.push({ type: node.type, value: String(node['value'] ?? '') } as RootContent);
        break;
      default:
        // mdxjsEsm (import/export), raw HTML that was not parsed, anything unknown: dropped.
        break;
    }
  }
  return out;
}

function unprefixed(properties: Properties): Properties {
  const out: Record<string, unknown> = { ...properties };
  const strip = (v: unknown) => (typeof v === 'string' && v.startsWith(CLOBBER_PREFIX) ? v.slice(CLOBBER_PREFIX.length) : v);
  for (const key of CLOBBERED) {
    const value = out[key];
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? value.map(strip) : strip(value);
  }
  return out as Properties;
}

// ---------------------------------------------------------------------------
// After the allow-list: iframes and in-page links

function walkElements(node: Root | Element, visit: (element: Element, parent: Root | Element, index: number) => boolean | void): void {
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i];
    if (child?.type !== 'element') continue;
    if (visit(child, node, i) === false) {
      node.children.splice(i, 1);
      i--;
      continue;
    }
    walkElements(child, visit);
  }
}

function finish(tree: Root, hosts: readonly string[]): void {
  const ids = new Set<string>();
  walkElements(tree, (element) => {
    if (element.tagName === 'iframe') {
      const src = element.properties['src'];
      if (typeof src !== 'string' || !isAllowedIframeSrc(src, hosts)) return false;
      element.properties['sandbox'] = [...IFRAME_SANDBOX];
      element.properties['referrerPolicy'] = 'strict-origin-when-cross-origin';
      element.properties['loading'] = 'lazy';
      // A frame needs an accessible name; the author's title wins.
      if (typeof element.properties['title'] !== 'string' || element.properties['title'].trim() === '') element.properties['title'] = '嵌入的视频或页面';
      element.children = [];
    }
    const id = element.properties['id'];
    if (typeof id === 'string') ids.add(id);
    return true;
  });
  walkElements(tree, (element) => {
    const href = element.properties['href'];
    if (typeof href !== 'string' || !href.startsWith('#')) return true;
    const target = decodeURIComponentSafe(href.slice(1));
    if (!ids.has(target) && ids.has(`${CLOBBER_PREFIX}${target}`)) element.properties['href'] = `#${CLOBBER_PREFIX}${href.slice(1)}`;
    return true;
  });
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const resolveHosts = (option: SanitizeOptions['iframeHosts']): readonly string[] => (typeof option === 'function' ? option() : (option ?? []));

/** A safe copy of a rendered Markdown or MDX tree; see the contract at the top of this file. */
export function sanitizeTree(tree: Root, options: SanitizeOptions = {}): Root {
  const prepared: Root = { type: 'root', children: prepareChildren(tree.children as unknown as AnyNode[]) };
  const clean = rehypeSanitize(SANITIZE_SCHEMA)(prepared);
  finish(clean, resolveHosts(options.iframeHosts));
  return clean;
}

/** What Sätteri hands a plugin's `before` hook; only `replaceNode` is used. */
export interface HastHookContext {
  replaceNode(node: Readonly<Root>, replacement: Root): void;
}

/**
 * A Sätteri hast plugin (Astro 7's Markdown processor) that replaces every
 * document's tree with `sanitizeTree`'s. It runs after raw HTML has been
 * parsed (`features.rawHtml: true`, which astro.config.mjs sets) and before
 * Astro's own plugins give headings their ids and turn images into
 * optimised pictures.
 */
export function sanitizeHastPlugin(options: SanitizeOptions = {}) {
  return {
    name: 'siliang-sanitize',
    before(root: Readonly<Root>, ctx: HastHookContext): void {
      // Then tables get their captions and focus (./tables.ts), on the tree that is safe by now.
      ctx.replaceNode(root, captionTables(sanitizeTree(root as Root, options)));
    },
  };
}

/**
 * The same, as a rehype (unified) plugin, for `unified({ rehypePlugins })`
 * from @astrojs/markdown-remark should the site ever switch processors.
 * There it must run after rehype-raw, or raw HTML is simply dropped.
 */
export function rehypeSanitizeMarkdown(options: SanitizeOptions = {}) {
  return (tree: Root): Root => captionTables(sanitizeTree(tree, options));
}
