import { describe, expect, it } from 'vitest';
import { makeExcerpt, visibleText } from '../../src/lib/search/excerpt.ts';
import { fallbackWords, normaliseQuery, toSimplified, wordsOf } from '../../src/lib/search/query.ts';
import { mergeGroups, parseSynonyms, synonymsOf, synonymsToAdd } from '../../src/lib/search/synonyms.ts';
import { pinyinTerms } from '../../src/lib/search/pinyin.ts';
import { simplifiedForm, traditionalMap } from '../../src/lib/search/traditional.ts';

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
    expect(groups).toEqual([['户口', '户籍'], ['身份证', '居民身份证'], ['医保', '医疗保险'], ['孩子', '新生儿', '婴儿']]);
  });

  it('reports a line with a single word at its line number', () => {
    const { problems } = parseSynonyms('户口 ~ 户籍\n\n医保\n');
    expect(problems).toMatchObject([{ severity: 'error', line: 3, message: '这一行只有一个词“医保”，同义词至少要两个' }]);
  });

  it('merges groups that share a word, and warns about it', () => {
    const { groups, problems } = parseSynonyms('身份证 ~ 居民身份证\n身份证 ~ 身份证件\n');
    expect(groups).toEqual([['身份证', '居民身份证', '身份证件']]);
    expect(problems).toMatchObject([{ severity: 'warning', line: 2 }]);
    expect(mergeGroups([['a', 'b'], ['c', 'd'], ['b', 'c']])).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('adds the missing words of every group the text touches', () => {
    const groups = [['户口', '户籍'], ['孩子', '新生儿', '婴儿'], ['医保', '医疗保险']];
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
    expect(makeExcerpt(content, ['sfz']).map((p) => p.text).join('')).not.toContain('sfz');
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

import { expandedWords, isWindowQuery, titleScore } from '../../src/lib/search/rank.ts';

describe('ranking helpers', () => {
  const groups = [['孩子', '新生儿', '婴儿'], ['出生证', '出生证明', '出生医学证明']];

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

  it('recognises a window number however it is written', () => {
    for (const q of ['32号窗口', '窗口32', '３２号', '32号']) expect(isWindowQuery(normaliseQuery(q)), q).toBe(true);
    for (const q of ['32', '身份证', '窗口']) expect(isWindowQuery(normaliseQuery(q)), q).toBe(false);
  });
});
