import { describe, expect, it } from 'vitest';
import { makeExcerpt, visibleText } from '#lib/search/excerpt.ts';
import { fallbackWords, normaliseQuery, toSimplified, wordsOf } from '#lib/search/query.ts';
import { mergeGroups, parseSynonyms, synonymsOf, synonymsToAdd } from '#lib/search/synonyms.ts';
import { pinyinTerms } from '#lib/search/pinyin.ts';
import { simplifiedForm, traditionalMap } from '#lib/search/traditional.ts';

describe('normaliseQuery', () => {
  const map = traditionalMap(['医保报销 身份证补办 户口迁移 不动产登记 出生医学证明']);

  it.each([
    ['醫保報銷', '医保报销'],
    ['身份證補辦', '身份证补办'],
    ['戶口遷移', '户口迁移'],
    ['不動產登記', '不动产登记'],
  ])('reads the traditional query %s as the simplified words %s', (raw, text) => {
    expect(normaliseQuery(raw, map).text).toBe(text);
  });

  it('replaces the longest phrase of the map at each place, and other characters one by one', () => {
    const map = { 歷: '历', 機: '机', 影印: '复印', 列印: '打印', 印表機: '打印机' };
    expect(toSimplified('病歷影印', map)).toBe('病历复印');
    expect(toSimplified('印表機列印', map)).toBe('打印机打印');
    expect(toSimplified('影', map)).toBe('影');
  });

  it('leaves simplified text and characters it has no mapping for as they are', () => {
    expect(toSimplified('医保报销', map)).toBe('医保报销');
    expect(toSimplified('龍', map)).toBe('龍');
  });

  it('turns full-width letters, digits and spaces into half-width', () => {
    expect(normaliseQuery('ＢＤＣ').text).toBe('bdc');
    expect(normaliseQuery('３２号窗口').text).toBe('32号窗口');
  });

  it('drops words that only frame a question', () => {
    expect(normaliseQuery('身份证丢了怎么办？').words).toEqual(['身份证丢']);
    expect(normaliseQuery('请问在哪里办理异地就医备案').words).toEqual(['办理异地就医备案']);
    expect(normaliseQuery('补办身份证需要什么材料').text).toBe('补办身份证 材料');
  });

  it('keeps a query made only of such words rather than searching for nothing', () => {
    expect(normaliseQuery('怎么办').text).not.toBe('');
  });

  it('finds the words inside a run for marking, leaving out single characters', () => {
    expect(wordsOf('身份证补办')).toEqual(['身份']);
    expect(wordsOf('出生医学证明')).toEqual(['出生', '医学', '证明']);
  });

  it('gives every word to search one by one when the whole query finds nothing', () => {
    expect(fallbackWords(normaliseQuery('房产证丢了'))).toEqual(['房产', '证', '丢']);
    expect(fallbackWords(normaliseQuery('挂号'))).toEqual([]);
    expect(fallbackWords(normaliseQuery('bdc'))).toEqual([]);
  });

  it('reads Latin letters as pinyin and joins them into one word', () => {
    expect(normaliseQuery('Zhang Xiao Ming')).toEqual({ text: 'zhangxiaoming', words: ['zhangxiaoming'], pinyin: true });
    expect(normaliseQuery('bdc').pinyin).toBe(true);
    expect(normaliseQuery('12345').pinyin).toBe(false);
  });

  it('turns punctuation into spaces and gives nothing to search for blank input', () => {
    expect(normaliseQuery('“出生医学证明”！').text).toBe('出生医学证明');
    expect(normaliseQuery('户口，迁移').text).toBe('户口 迁移');
    expect(normaliseQuery('  ？！ ')).toEqual({ text: '', words: [], pinyin: false });
  });
});

describe('traditionalMap', () => {
  it('derives traditional → simplified pairs for the characters of the text', () => {
    const map = traditionalMap(['医保报销']);
    expect(map).toMatchObject({ 醫: '医', 報: '报', 銷: '销' });
    expect(map['保']).toBeUndefined();
  });

  it('follows phrases: 发 is 發 in 发展 and 髮 in 头发, and both map back to 发', () => {
    const map = traditionalMap(['发展', '头发']);
    expect(map['發']).toBe('发');
    expect(map['髮']).toBe('发');
  });

  it('maps Taiwan wordings to the site’s words when read character by character they find nothing', () => {
    const map = traditionalMap(['门诊病历复印', '预约成功后短信通知', '自助打印机', '参保证明打印']);
    expect(map).toMatchObject({ 影印: '复印', 簡訊: '短信', 列印: '打印', 印表機: '打印机' });
    expect(normaliseQuery('病歷影印', map).text).toBe('病历复印');
    expect(normaliseQuery('簡訊通知', map).text).toBe('短信通知');
    expect(normaliseQuery('自助印表機', map).text).toBe('自助打印机');
  });

  it('reads 身分證 (Taiwan) as 身份证, which OpenCC leaves alone, when the site has 身份', () => {
    expect(normaliseQuery('身分證補領', traditionalMap(['居民身份证补领'])).text).toBe('身份证补领');
    expect(traditionalMap(['医保报销'])['身分']).toBeUndefined();
  });

  it('adds no phrase for words the site lacks, nor one that would hide a word the site uses', () => {
    expect(Object.keys(traditionalMap(['门诊病历'])).filter((k) => [...k].length > 1)).toEqual([]);
    // 影印 is on the site: a query for it must stay 影印.
    expect(traditionalMap(['复印', '影印机'])['影印']).toBeUndefined();
    // 数据 is 資料 in Taiwan, but 資料 read as 资料 already finds the site’s 资料.
    expect(traditionalMap(['病历资料', '数据安全'])['資料']).toBeUndefined();
  });

  it('keeps only the phrase itself, not the words around it (設定, never 上設定)', () => {
    const map = traditionalMap(['请在手机上设置密码']);
    expect(Object.keys(map).filter((k) => [...k].length > 1)).toEqual(['設定']);
    expect(normaliseQuery('在手機上設定密碼', map).text).toBe('在手机上设置密码');
  });

  it('gives the simplified form of traditional text, and nothing for simplified text', () => {
    expect(simplifiedForm('醫療費用報銷')).toBe('医疗费用报销');
    expect(simplifiedForm('医疗费用报销')).toBeUndefined();
  });
});

describe('pinyinTerms', () => {
  it('gives a person’s name whole, surname and given name apart, and initials', () => {
    expect(pinyinTerms('张晓明', { person: true }).sort()).toEqual(['xiaoming', 'zhang', 'zhangxiaoming', 'zxm'].sort());
  });

  it('reads surnames the way surnames are read', () => {
    expect(pinyinTerms('单雪', { person: true })).toContain('shanxue');
    expect(pinyinTerms('曾丽', { person: true })).toContain('zengli');
  });

  it('gives a service name whole, word by word, and as initials', () => {
    const terms = pinyinTerms('不动产登记窗口');
    for (const t of ['budongchandengjichuangkou', 'bdcdjck', 'budong', 'dengji', 'dengjichuangkou']) expect(terms).toContain(t);
    expect(terms.some((t) => t.startsWith('bdc'))).toBe(true);
    expect(terms.some((t) => t.startsWith('budongchan'))).toBe(true);
  });

  it('ignores what is not Chinese', () => {
    expect(pinyinTerms('ABC 123')).toEqual([]);
  });
});

describe('synonyms', () => {
  it('reads one group per line with any of the usual separators, skipping comments', () => {
    const { groups, problems } = parseSynonyms('# 同义词\n户口 ~ 户籍\n身份证、居民身份证\n医保，医疗保险\n孩子 新生儿 婴儿\n');
    expect(problems).toEqual([]);
    expect(groups).toEqual([
      ['户口', '户籍'],
      ['身份证', '居民身份证'],
      ['医保', '医疗保险'],
      ['孩子', '新生儿', '婴儿'],
    ]);
  });

  it('reports a line with a single word at its line number', () => {
    const { problems } = parseSynonyms('户口 ~ 户籍\n\n医保\n');
    expect(problems).toMatchObject([{ severity: 'error', line: 3, message: '这一行只有一个词“医保”，同义词至少要两个' }]);
  });

  it('merges groups that share a word, and warns about it', () => {
    const { groups, problems } = parseSynonyms('身份证 ~ 居民身份证\n身份证 ~ 身份证件\n');
    expect(groups).toEqual([['身份证', '居民身份证', '身份证件']]);
    expect(problems).toMatchObject([{ severity: 'warning', line: 2 }]);
    expect(
      mergeGroups([
        ['a', 'b'],
        ['c', 'd'],
        ['b', 'c'],
      ]),
    ).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('adds the missing words of every group the text touches', () => {
    const groups = [
      ['户口', '户籍'],
      ['孩子', '新生儿', '婴儿'],
      ['医保', '医疗保险'],
    ];
    expect(synonymsToAdd('新生儿户籍登记', groups).sort()).toEqual(['孩子', '婴儿', '户口'].sort());
    expect(synonymsToAdd('不动产登记', groups)).toEqual([]);
    expect(synonymsOf('户口', groups)).toEqual(['户籍']);
  });
});

describe('makeExcerpt', () => {
  const content = '居民身份证补领. 居民身份证丢失的，向公安机关申请补领新证。群众常说的“身份证补办”就是这个事项。 ⟦ shenfenzheng sfz 补办 ⟧';

  it('leaves out index-only blocks cut off at either end', () => {
    expect(visibleText('wanqing qc ⟧ 医保业务受理岗. 负责医保 ⟦ yibao')).toBe('医保业务受理岗. 负责医保');
    expect(visibleText('甲 ⟦ a ⟧ 乙 ⟦ b ⟧ 丙')).toBe('甲 乙 丙');
  });

  it('leaves out the index-only block', () => {
    expect(visibleText(content)).not.toContain('shenfenzheng');
    expect(
      makeExcerpt(content, ['sfz'])
        .map((p) => p.text)
        .join(''),
    ).not.toContain('sfz');
  });

  it('marks the words searched for, preferring longer words', () => {
    const pieces = makeExcerpt(content, ['身份证补办', '身份', '补办']);
    const marked = pieces.filter((p) => p.mark).map((p) => p.text);
    expect(marked).toContain('身份证补办');
    expect(marked).toContain('身份');
    expect(marked.filter((m) => m === '补办')).toEqual([]);
  });

  it('places the window where most of the words are and says when text was cut', () => {
    const long = `${'甲'.repeat(200)}出生医学证明首次签发${'乙'.repeat(200)}`;
    const pieces = makeExcerpt(long, ['出生', '医学', '证明'], 40);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.at(-1)).toEqual({ text: '…', mark: false });
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['出生', '医学', '证明']);
  });

  it('starts at the beginning when nothing visible matches, as for a pinyin query', () => {
    const pieces = makeExcerpt(content, ['sfz'], 20);
    expect(pieces[0]?.text.startsWith('居民身份证补领')).toBe(true);
    expect(pieces.some((p) => p.mark)).toBe(false);
  });
});

import { bestSection, expandedWords, isWindowQuery, sectionTexts, titleCoverage, titleScore } from '#lib/search/rank.ts';

describe('ranking helpers', () => {
  const groups = [
    ['孩子', '新生儿', '婴儿'],
    ['出生证', '出生证明', '出生医学证明'],
  ];

  it('expands a query with the synonym words it contains and their groups', () => {
    const words = expandedWords(normaliseQuery('孩子出生证明'), groups);
    for (const w of ['孩子出生证明', '孩子', '出生', '证明', '新生儿', '出生证明', '出生医学证明']) expect(words).toContain(w);
    expect(expandedWords(normaliseQuery('bdc'), groups)).toEqual([]);
  });

  it('scores a title by the characters of query words it contains, longest first, once each', () => {
    const words = expandedWords(normaliseQuery('孩子出生证明'), groups);
    expect(titleScore('出生医学证明首次签发', words)).toBe(6);
    expect(titleScore('出生登记（新生儿落户）', words)).toBe(5);
    expect(titleScore('预防接种证补办', words)).toBe(0);
  });

  it('measures how much of a query the best of some titles says', () => {
    const words = expandedWords(normaliseQuery('孩子出生证明'), groups);
    expect(titleCoverage(['预防接种证补办', '出生医学证明首次签发'], words)).toBe(6);
    expect(titleCoverage(['预防接种证补办'], words)).toBe(0);
    expect(titleCoverage([], words)).toBe(0);
  });

  it('recognises a window number however it is written', () => {
    for (const q of ['32号窗口', '窗口32', '３２号', '32号']) expect(isWindowQuery(normaliseQuery(q)), q).toBe(true);
    for (const q of ['32', '身份证', '窗口']) expect(isWindowQuery(normaliseQuery(q)), q).toBe(false);
  });
});

describe('choosing the section of a duties or pledges page', () => {
  const content =
    '社保医保窗口 · 亮承诺. 2026 年度社保医保窗口服务承诺. 社会保障卡补换实现即时制卡。 县医疗保障局机关党支部 2026 年度承诺. 打击欺诈骗保举报线索 100% 核查。 朱婉清 2026 年度党员承诺. 编印《医保报销一本通》。';
  const anchors = [
    { id: 'pledge-2026-dangzhibu', text: '县医疗保障局机关党支部 2026 年度承诺', location: 20 },
    { id: 'pledge-2026-danwei', text: '2026 年度社保医保窗口服务承诺', location: 5 },
    { id: 'pledge-2026-zhu-wanqing', text: '朱婉清 2026 年度党员承诺', location: 40 },
  ];
  const section = (id: string, score: number) => ({
    anchor: { id },
    title: anchors.find((a) => a.id === id)?.text ?? '',
    plain_excerpt: '',
    weighted_locations: [{ balanced_score: score }],
  });

  it('cuts the page’s text into sections at each anchored element', () => {
    const texts = sectionTexts(content, anchors);
    expect(texts.get('pledge-2026-danwei')).toBe('2026 年度社保医保窗口服务承诺. 社会保障卡补换实现即时制卡。 ');
    expect(texts.get('pledge-2026-dangzhibu')).toContain('欺诈骗保');
    expect(texts.get('pledge-2026-zhu-wanqing')).toBe('朱婉清 2026 年度党员承诺. 编印《医保报销一本通》。');
  });

  it('prefers the section holding the query’s words to the one Pagefind scores higher for a common character', () => {
    const sections = [section('pledge-2026-danwei', 40_000), section('pledge-2026-dangzhibu', 11_000), section('pledge-2026-zhu-wanqing', 2_000)];
    const words = expandedWords(normaliseQuery('欺诈骗保'), []);
    expect(bestSection(sections, words, sectionTexts(content, anchors))?.anchor.id).toBe('pledge-2026-dangzhibu');
  });

  it('falls back on Pagefind’s score, then on page order, and skips sections without a heading', () => {
    const { anchor: _, ...unanchored } = section('x', 99_999);
    const sections = [unanchored, section('pledge-2026-danwei', 1), section('pledge-2026-zhu-wanqing', 5)];
    expect(bestSection(sections, [])?.title).toBe('朱婉清 2026 年度党员承诺');
    expect(bestSection([section('pledge-2026-danwei', 1), section('pledge-2026-zhu-wanqing', 1)], [])?.anchor.id).toBe('pledge-2026-danwei');
    expect(bestSection([], ['医保'])).toBeUndefined();
  });
});
