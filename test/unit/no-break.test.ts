import { describe, expect, it } from 'vitest';
import { keepTogether, keepTogetherText, urlHtml } from '#lib/no-break.ts';

const kept = (html: string) => [...keepTogether(html).matchAll(/<span class="nobr">([^<]*)<\/span>/g)].map((m) => m[1]);

describe('keeping numbers on one line', () => {
  it('keeps a phone number with its area code and extension together', () => {
    expect(kept('<p>咨询电话：0570-6013 0110，转 0570-60123012-801</p>')).toEqual(['0570-6013 0110', '0570-60123012-801']);
  });

  it('keeps a mobile number written in groups together', () => {
    expect(kept('<p>手机 138 0000 0000</p>')).toEqual(['138 0000 0000']);
  });

  it('keeps times and time ranges together, with or without spaces around the dash', () => {
    expect(kept('<p>工作日 08:30-12:00、14:00 - 17:30，周六 9:00 至 12:00</p>')).toEqual(['08:30-12:00', '14:00 - 17:30', '9:00 至 12:00']);
  });

  it('keeps an amount with its unit together', () => {
    expect(kept('<td>40 元/证</td><td>0.5元/页</td><td>20 元</td>')).toEqual(['40 元/证', '0.5元/页', '20 元']);
  });

  it('keeps dates and codes together', () => {
    expect(kept('<p>2026-11-22 工号 FJ0417 3-2-501 室</p>')).toEqual(['2026-11-22', 'FJ0417', '3-2-501']);
  });

  it('lets an e-mail address break only before its @ or after a dot of its domain, both on screen only', () => {
    expect(keepTogetherText('邮箱 jubao@qingxi.example。')).toBe(
      '邮箱 <span class="nobr">jubao</span><wbr class="screen-break"><span class="nobr">@qingxi.</span><wbr class="screen-break"><span class="nobr">example</span>。',
    );
  });

  it('lets a web address break only after a slash, or on screen also after a dot of its host', () => {
    expect(urlHtml('https://gongkai.qingxi.example/units/huzheng/')).toBe(
      '<span class="nobr">https://</span><wbr><span class="nobr">gongkai.</span><wbr class="screen-break"><span class="nobr">qingxi.</span><wbr class="screen-break"><span class="nobr">example/</span><wbr><span class="nobr">units/</span><wbr><span class="nobr">huzheng/</span>',
    );
    expect(keepTogetherText('网址 https://a.example/b-c/d。')).toBe(
      '网址 <span class="nobr">https://</span><wbr><span class="nobr">a.</span><wbr class="screen-break"><span class="nobr">example/</span><wbr><span class="nobr">b-c/</span><wbr><span class="nobr">d</span>。',
    );
  });

  it('never touches attributes, comments, scripts, styles or the title', () => {
    const html =
      '<html><head><title>电话 0570-6013 0110</title><style>a::after{content:"08:30-12:00"}</style></head><body><a href="tel:0570-60130110" title="0570-6013 0110">拨打</a><!-- 08:30-12:00 --><script>var t="08:30-12:00"</script><textarea>08:30-12:00</textarea></body></html>';
    expect(keepTogether(html)).toBe(html);
  });

  it('leaves character references alone', () => {
    const html = '<p>&#39;引号&#39; &#x27; &#8203;</p>';
    expect(keepTogether(html)).toBe(html);
  });

  it('changes nothing but the added spans', () => {
    const html = '<p class="x">电话：<a href="tel:057060130110">0570-6013 0110</a>（工作日 08:30-12:00）</p>';
    expect(keepTogether(html).replace(/<\/?span[^>]*>/g, '')).toBe(html);
  });
});
