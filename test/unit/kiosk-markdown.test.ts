import { describe, expect, it } from 'vitest';
import { escapeHtml, renderSlideText } from '#lib/kiosk/markdown.ts';

describe('the text of a custom slide', () => {
  describe('paragraphs and lines', () => {
    it('makes one paragraph of a single line', () => {
      expect(renderSlideText('请提前准备好身份证件。')).toBe('<p>请提前准备好身份证件。</p>');
    });

    it('starts a new paragraph after a blank line', () => {
      expect(renderSlideText('第一段。\n\n第二段。')).toBe('<p>第一段。</p>\n<p>第二段。</p>');
    });

    it('treats a line of spaces as a blank line, and several blank lines as one', () => {
      expect(renderSlideText('第一段。\n   \n\n\n第二段。')).toBe('<p>第一段。</p>\n<p>第二段。</p>');
    });

    it('keeps a single line break inside a paragraph', () => {
      expect(renderSlideText('上午 8:30-12:00\n下午 14:00-17:30')).toBe('<p>上午 8:30-12:00<br>下午 14:00-17:30</p>');
    });

    it('reads Windows line endings like any others', () => {
      expect(renderSlideText('一\r\n二\r\n\r\n三')).toBe('<p>一<br>二</p>\n<p>三</p>');
    });

    it('ignores spaces around lines and around the whole text, as YAML block text has them', () => {
      expect(renderSlideText('\n  接种后请留观。  \n\n')).toBe('<p>接种后请留观。</p>');
    });

    it('gives nothing for empty text', () => {
      expect(renderSlideText('')).toBe('');
      expect(renderSlideText(' \n\n ')).toBe('');
    });
  });

  describe('bold text', () => {
    it('makes **text** strong', () => {
      expect(renderSlideText('请到 **1 号综合窗口** 取号')).toBe('<p>请到 <strong>1 号综合窗口</strong> 取号</p>');
    });

    it('makes several bold parts in one line strong each', () => {
      expect(renderSlideText('**12:00** 至 **14:00**')).toBe('<p><strong>12:00</strong> 至 <strong>14:00</strong></p>');
    });

    it('leaves a lone pair of asterisks as it is', () => {
      expect(renderSlideText('带上 ** 号的说明')).toBe('<p>带上 ** 号的说明</p>');
    });

    it('does not carry bold across a line break', () => {
      expect(renderSlideText('**第一行\n第二行**')).toBe('<p>**第一行<br>第二行**</p>');
    });
  });

  describe('lists', () => {
    it('makes lines starting with "- " a list', () => {
      expect(renderSlideText('- 身份证\n- 户口簿')).toBe('<ul><li>身份证</li><li>户口簿</li></ul>');
    });

    it('allows bold inside a list item', () => {
      expect(renderSlideText('- **原件** 1 份')).toBe('<ul><li><strong>原件</strong> 1 份</li></ul>');
    });

    it('splits a paragraph followed directly by a list into the paragraph and the list', () => {
      expect(renderSlideText('请带好：\n- 身份证\n- 户口簿\n谢谢配合。')).toBe('<p>请带好：</p>\n<ul><li>身份证</li><li>户口簿</li></ul>\n<p>谢谢配合。</p>');
    });

    it('accepts a full-width space after the hyphen', () => {
      expect(renderSlideText('-\u3000身份证')).toBe('<ul><li>身份证</li></ul>');
    });

    it('does not take a hyphen without a space for a list, such as a negative number', () => {
      expect(renderSlideText('-5 ℃ 以下请注意保暖')).toBe('<p>-5 ℃ 以下请注意保暖</p>');
    });
  });

  describe('a class on every block, for the kiosk player', () => {
    it('puts the class on each paragraph and each list item, not on the list', () => {
      expect(renderSlideText('请带好：\n- 身份证\n- 户口簿', { blockClass: 'keep' })).toBe(
        '<p class="keep">请带好：</p>\n<ul><li class="keep">身份证</li><li class="keep">户口簿</li></ul>',
      );
    });

    it('keeps only letters, digits, hyphens and spaces of the class, so it cannot break out of the attribute', () => {
      expect(renderSlideText('文字', { blockClass: 'keep" onclick="alert(1)' })).toBe('<p class="keep onclickalert1">文字</p>');
    });

    it('adds no class attribute when none is asked for, or only unsafe characters are given', () => {
      expect(renderSlideText('文字')).toBe('<p>文字</p>');
      expect(renderSlideText('文字', { blockClass: '"<>' })).toBe('<p>文字</p>');
    });
  });

  describe('safety: no HTML written in the content reaches the page as markup', () => {
    it('escapes a script element', () => {
      const html = renderSlideText('<script>alert(1)</script>');
      expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
      expect(html).not.toContain('<script');
    });

    it('escapes an image with an onerror handler', () => {
      const html = renderSlideText('<img src=x onerror="alert(1)">');
      expect(html).toBe('<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>');
      expect(html).not.toContain('<img');
    });

    it('shows a javascript: address as text and makes no link of it', () => {
      const html = renderSlideText('[点这里](javascript:alert(1)) javascript:alert(1)');
      expect(html).toBe('<p>[点这里](javascript:alert(1)) javascript:alert(1)</p>');
      expect(html).not.toContain('<a');
      expect(html).not.toContain('href');
    });

    it('escapes HTML inside bold text and list items', () => {
      expect(renderSlideText('**<b>x</b>**')).toBe('<p><strong>&lt;b&gt;x&lt;/b&gt;</strong></p>');
      expect(renderSlideText('- <iframe src="https://example.com">')).toBe('<ul><li>&lt;iframe src=&quot;https://example.com&quot;&gt;</li></ul>');
    });

    it('escapes ampersands and quotes, so entities written in the text stay text', () => {
      expect(renderSlideText(`A&B "引号" '单引号' &lt;`)).toBe('<p>A&amp;B &quot;引号&quot; &#39;单引号&#39; &amp;lt;</p>');
    });

    it('makes only the tags it knows: p, br, strong, ul and li', () => {
      const html = renderSlideText('<div>**粗**</div>\n- <em>项</em>\n\n<p>段</p>');
      const tags = [...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]);
      expect(new Set(tags)).toEqual(new Set(['p', 'strong', 'ul', 'li']));
    });
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML and leaves Chinese text alone', () => {
    expect(escapeHtml(`<>&"' 青溪县`)).toBe('&lt;&gt;&amp;&quot;&#39; 青溪县');
  });
});
