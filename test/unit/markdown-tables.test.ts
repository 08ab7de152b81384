import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { captionTables } from '#lib/markdown/tables.ts';

const el = (tagName: string, children: Element['children'] = [], properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });
const table = (...children: Element[]) => el('table', [...children, el('tbody', [el('tr', [el('td', [text('甲')])])])]);

function only(tree: Root, tagName: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === tagName) found.push(c);
      walk(c);
    }
  };
  walk(tree);
  return found;
}

describe('tables in Markdown bodies', () => {
  it('are captioned with the heading they sit under, for screen readers only', () => {
    const tree: Root = { type: 'root', children: [el('h2', [text('评选结果')]), el('p', [text('说明文字。')]), table()] };
    captionTables(tree);
    const [caption] = only(tree, 'caption');
    expect(caption?.children).toEqual([text('评选结果')]);
    expect(caption?.properties['className']).toEqual(['visually-hidden']);
  });

  it('take a lead-in paragraph ending in a colon when no heading comes before', () => {
    const tree: Root = { type: 'root', children: [el('p', [text('元旦期间各窗口安排如下：')]), table()] };
    captionTables(tree);
    expect(only(tree, 'caption')[0]?.children).toEqual([text('元旦期间各窗口安排如下')]);
  });

  it('keep a caption of their own and get none made up when nothing names them', () => {
    const own: Root = { type: 'root', children: [el('h2', [text('标题')]), table(el('caption', [text('自带说明')]))] };
    captionTables(own);
    expect(only(own, 'caption').map((c) => c.children)).toEqual([[text('自带说明')]]);
    const bare: Root = { type: 'root', children: [el('p', [text('普通段落。')]), table()] };
    captionTables(bare);
    expect(only(bare, 'caption')).toEqual([]);
  });

  it('scroll inside a named region the keyboard can reach', () => {
    const tree: Root = { type: 'root', children: [el('h3', [text('收费标准')]), table()] };
    captionTables(tree);
    const wrapper = tree.children[1] as Element;
    expect(wrapper.tagName).toBe('div');
    expect(wrapper.properties).toMatchObject({ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: '收费标准' });
    expect((wrapper.children[0] as Element).tagName).toBe('table');
  });
});
