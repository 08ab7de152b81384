/**
 * How the search reads what residents type (issue 18): long spoken
 * sentences, phone and window numbers, exact titles, words typed by ear,
 * the citizen vocabulary shipped with Siliang, and when results are no
 * answer at all. The browser-level figures are in
 * test/browser/search-quality.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNONYMS } from '#lib/search/default-synonyms.ts';
import { titledAs, titleKey, titleWord, titleWords } from '#lib/search/exact.ts';
import { joinDigitGroups, phoneWords, windowAsked, windowWord } from '#lib/search/numbers.ts';
import { normaliseQuery } from '#lib/search/query.ts';
import { answersWell } from '#lib/search/results.ts';
import { buildSoundData, commonCharacters, soundWords } from '#lib/search/sound-data.ts';
import { soundAlike, soundIndex } from '#lib/search/sounds.ts';
import { parseSynonyms, synonymsToAdd, withDefaults } from '#lib/search/synonyms.ts';

describe('long spoken sentences', () => {
  it('keep only the words that say what is wanted', () => {
    expect(normaliseQuery('请问一下我家宝宝刚出生想给他办出生证明需要准备哪些东西').words).toEqual(['宝宝', '出生', '出生证明']);
    expect(normaliseQuery('麻烦问一下明天去医院看门诊要不要提前挂号').text).not.toMatch(/麻烦|明天|要不要|提前/);
  });

  it('never cut a framing word out of a real word (办 of 办理, 补办)', () => {
    expect(normaliseQuery('身份证补办').text).toBe('身份证补办');
    expect(normaliseQuery('给他办出生证明').text).toBe('出生证明');
  });

  it('drop the speaker even beside a one-character word, and 开 of 开出生证, never of 开药', () => {
    expect(normaliseQuery('我买了个二手房想问一下过户需要什么材料').words).toEqual(['买', '二手房', '过户', '材料']);
    expect(normaliseQuery('生孩子开出生证').words).toEqual(['生孩子', '出生证']);
    expect(normaliseQuery('开药').text).toBe('开药');
  });
});

describe('numbers as typed', () => {
  it('join a phone number’s groups however they were written', () => {
    expect(joinDigitGroups('0570-6031 2201')).toBe('057060312201');
    expect(normaliseQuery('6012-3322').text).toBe('60123322');
    expect(normaliseQuery('0570 6012 3311').text).toBe('057060123311');
    // Digits that are not one number stay apart.
    expect(normaliseQuery('12 月 19 日停机').text).toContain('12');
  });

  it('index a phone number as dialled, with and without its area code, and without its extension', () => {
    expect(phoneWords('0570-6031 2201')).toEqual(['057060312201', '60312201']);
    expect(phoneWords('（0570）6021 1120 转 8120')).toEqual(['057060211120', '60211120']);
    expect(phoneWords('12345')).toEqual(['12345']);
    expect(phoneWords('110')).toEqual([]);
  });

  it('give each window a word that is not the beginning of another window’s', () => {
    expect(windowWord('32').startsWith(windowWord('3'))).toBe(false);
    expect(windowWord('3').startsWith(windowWord('32'))).toBe(false);
  });

  it.each([
    ['3号窗口', '3'],
    ['窗口32', '32'],
    ['32号', '32'],
    ['5号窗', '5'],
  ])('read %s as window %s', (text, n) => {
    expect(windowAsked(text)).toBe(n);
  });

  it('do not read a phone number or a year as a window', () => {
    expect(windowAsked('60211120')).toBeUndefined();
    expect(windowAsked('2026')).toBeUndefined();
  });
});

describe('exact titles', () => {
  it('compare titles without spaces, punctuation or width differences', () => {
    expect(titleKey('门诊党支部 2026 年度承诺')).toBe(titleKey('门诊党支部２０２６年度承诺'));
    expect(titleWord('社保卡服务岗')).toBe(titleWord(' 社保卡服务岗 '));
    expect(titleWord('社保卡服务岗')).not.toBe(titleWord('社保业务受理岗'));
  });

  it('are one word of letters and digits of a fixed length', () => {
    const words = ['导医岗', '居民身份证补领', '林晓雯', '青溪县人民医院部分医疗服务项目价格调整公示'].map(titleWord);
    for (const w of words) expect(w).toMatch(/^[a-z0-9]{11}$/);
    expect(new Set(words).size).toBe(words.length);
  });

  it('also find a service by its name without the bracketed note or the list after 、', () => {
    const words = titleWords('二手房转移登记（存量房买卖）');
    expect(words).toContain(titleWord('二手房转移登记'));
    expect(words).toContain(titleWord('二手房转移登记（存量房买卖）'));
    expect(titleWords('社会保障卡补领、换领')).toContain(titleWord('社会保障卡补领'));
  });

  it('give nothing for a title of one character', () => {
    expect(titleWord('岗')).toBeUndefined();
  });

  it('are recognised among titles already loaded, so the title word need not be looked up', () => {
    expect(titledAs(['门诊服务中心岗位职责', '社保卡服务岗'], '社保卡服务岗 ')).toBe(true);
    expect(titledAs(['二手房转移登记（存量房买卖）'], '二手房转移登记')).toBe(true);
    expect(titledAs(['社会保障卡补领、换领', '社保卡服务岗'], '社保卡')).toBe(false);
    expect(titledAs(['导医岗'], '岗')).toBe(false);
  });
});

describe('words typed by ear', () => {
  const names = ['抵押权首次登记', '门诊预约挂号', '医疗费用零星报销', '林晓雯', '程立军', '导医岗', '预防接种证补办', '社会保障卡补领、换领', '居民身份证补领', '医保'];
  const index = soundIndex(buildSoundData(soundWords(names)));

  it.each([
    ['林小文', '林晓雯'],
    ['抵压登记', '抵押登记'],
    ['医保抱销', '医保报销'],
    ['预约挂好', '预约挂号'],
    ['程立君', '程立军'],
    ['导医港', '导医岗'],
    ['预防接种正', '预防接种证'],
  ])('%s is read as %s', (typed, meant) => {
    expect(soundAlike(typed, index)).toBe(meant);
  });

  it('leave text that sounds like no known word as it is', () => {
    expect(soundAlike('护照', index)).toBe('护照');
    expect(soundAlike('航天飞机 2026', index)).toBe('航天飞机 2026');
  });

  it('know the common characters of GB2312’s first level', () => {
    const common = commonCharacters();
    expect([...common]).toHaveLength(3755);
    expect(common.startsWith('啊阿')).toBe(true);
  });

  it('ship only the syllables the site’s words use', () => {
    const data = buildSoundData(soundWords(['林晓雯']));
    expect(Object.keys(data.syllables).sort()).toEqual(['lin', 'wen', 'xiao']);
    expect(data.syllables.xiao).toContain('小');
    expect(data.syllables.xiao).toContain('晓');
  });

  it('cut names into whole names and their words, without a closing bracketed note', () => {
    const words = soundWords(['二手房转移登记（存量房买卖）']);
    expect(words).toContain('二手房转移登记');
    expect(words).toContain('登记');
    expect(words.join()).not.toContain('存量房');
  });
});

describe('the citizen vocabulary shipped with Siliang', () => {
  const defaults = parseSynonyms(DEFAULT_SYNONYMS);

  it('reads without a problem', () => {
    expect(defaults.problems).toEqual([]);
    expect(defaults.groups.length).toBeGreaterThan(30);
  });

  it.each([
    ['住院预交金', '押金'],
    ['彩超检查', 'b超'],
    ['居民死亡医学证明', '死亡证明'],
    ['不动产权证书', '房本'],
    ['灵活就业人员', '打零工'],
  ])('lets a page that says %s be found by %s', (text, word) => {
    expect(synonymsToAdd(text, defaults.groups)).toContain(word);
  });

  it('leaves out false friends: 打针 is not a vaccination, 看病 not a registration', () => {
    const words = defaults.groups.flat();
    expect(words).not.toContain('打针');
    expect(words).not.toContain('看病');
  });

  it('is extended by the organisation’s list, which can also drop a default group', () => {
    const own = parseSynonyms('! 押金\n押金 ~ 保证金\n');
    expect(own.problems).toEqual([]);
    expect(own.dropped).toEqual(['押金']);
    const groups = withDefaults(defaults.groups, own);
    expect(synonymsToAdd('住院预交金', groups)).not.toContain('押金');
    expect(synonymsToAdd('押金', groups)).toContain('保证金');
    expect(withDefaults(defaults.groups, { groups: [], dropped: [] })).toEqual(defaults.groups);
  });
});

describe('when results are no answer', () => {
  it('says so when no title holds a word of the query, only the text does', () => {
    expect(answersWell(['门诊病历复印'], ['护照'], [])).toBe(false);
    expect(answersWell(['门诊病历复印', '住院病案复印'], ['病历复印', '病历', '复印'], [])).toBe(true);
  });

  it('says so when a word of two characters or more found nothing', () => {
    expect(answersWell(['居民身份证补领'], ['驾驶', '换证', '换领'], ['驾驶'])).toBe(false);
  });
});
