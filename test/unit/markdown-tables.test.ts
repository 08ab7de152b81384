import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { captionTables } from '#lib/markdown/tables.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const el = (tagName: string, children: Element['children'] = []): Element => ({ type: 'element', tagName, properties: {}, children });
const table = () =>
  el('table', [el('thead', [el('tr', [el('th', [text('单位')]), el('th', [text('姓名')])])]), el('tbody', [el('tr', [el('td', [text('户政')]), el('td', [text('林晓雯')])])])]);
const captionOf = (root: Root) => {
  const t = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'table');
  const caption = t?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  return caption ? (caption.children[0] as { value: string }).value : undefined;
};

describe('tables written in Markdown', () => {
  it('are captioned by the paragraph that introduces them, without its colon', () => {
    const root: Root = { type: 'root', children: [el('h2', [text('评选结果')]), el('p', [text('评出服务之星 6 名，现予以公示：')]), table()] };
    expect(captionOf(captionTables(root))).toBe('评出服务之星 6 名，现予以公示');
  });

  it('are captioned by the nearest heading when no paragraph comes just before', () => {
    const root: Root = { type: 'root', children: [el('h2', [text('收费标准')]), el('ul', [el('li', [text('一')])]), table()] };
    expect(captionOf(captionTables(root))).toBe('收费标准');
  });

  it('are captioned by their column headings when nothing introduces them', () => {
    const root: Root = { type: 'root', children: [table()] };
    expect(captionOf(captionTables(root))).toBe('单位、姓名');
  });

  it('keep a caption written in HTML, and can take the keyboard focus', () => {
    const written = table();
    written.children.unshift(el('caption', [text('自带的标题')]));
    const root: Root = { type: 'root', children: [el('p', [text('说明：')]), written] };
    captionTables(root);
    expect(captionOf(root)).toBe('自带的标题');
    expect(written.properties.tabIndex).toBe(0);
  });
});
