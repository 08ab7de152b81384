/**
 * Tables in Markdown bodies (notices, guides) as a reader needs them: a
 * caption that says what the table is, and, since a wide table scrolls
 * sideways inside the page on a phone rather than squeezing its columns to
 * a character or two, a scroll area a keyboard can reach and a screen
 * reader can name.
 *
 * The caption is never made up: it is the text of the heading the table sits
 * under (or, with no heading before it, a lead-in paragraph ending in a
 * colon, such as “评选结果如下：”), shown only to screen readers because
 * sighted readers see that heading already. A table with a caption of its
 * own keeps it. Pure: hast in, hast out, after sanitising.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const HEADING = /^h[1-6]$/;

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** What the table at `index` in `siblings` is about: the nearest heading before it, or a paragraph ending in a colon right before it. */
function titleBefore(siblings: Array<RootContent | ElementContent>, index: number): string | undefined {
  let paragraphChecked = false;
  for (let i = index - 1; i >= 0; i--) {
    const node = siblings[i] as RootContent;
    if (node.type !== 'element') continue;
    if (HEADING.test(node.tagName)) return textOf(node).trim() || undefined;
    if (!paragraphChecked && node.tagName === 'p') {
      paragraphChecked = true;
      const text = textOf(node).trim();
      if (/[：:]$/.test(text)) return text.replace(/[：:]$/, '');
    }
  }
  return undefined;
}

function walk(parent: Root | Element): void {
  const children = parent.children as Array<RootContent | ElementContent>;
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as RootContent;
    if (node.type !== 'element') continue;
    if (node.tagName !== 'table') {
      walk(node);
      continue;
    }
    const own = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
    const title = own ? textOf(own).trim() : titleBefore(children, i);
    if (!own && title) {
      node.children.unshift({ type: 'element', tagName: 'caption', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: title }] });
    }
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: title ?? '表格' },
      children: [node],
    };
    children[i] = wrapper;
  }
}

/** Every table in the tree captioned and wrapped in its own named, focusable scroll area. */
export function captionTables(tree: Root): Root {
  walk(tree);
  return tree;
}
