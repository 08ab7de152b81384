/**
 * File names for people, from their Chinese names: 张晓明 → zhang-xiaoming,
 * 欧阳娜娜 → ouyang-nana, 单雄信 → shan-xiongxin (a surname is read as a
 * surname). File names become web addresses printed in QR codes, so they use
 * only lower-case Latin letters, digits and hyphens (SLUG_PATTERN).
 */
import { pinyin } from 'pinyin-pro';
import { SLUG_PATTERN } from '#schemas/common.ts';

/** Two-character surnames, read together: 欧阳娜娜 is ouyang-nana, not ou-yangnana. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '申屠',
  '太史',
  '澹台',
  '公冶',
  '濮阳',
  '钟离',
  '闻人',
  '赫连',
  '万俟',
  '左丘',
  '东郭',
  '第五',
  '拓跋',
  '司空',
  '鲜于',
  '闾丘',
  '仲孙',
  '梁丘',
]);

const HAN = /\p{Script=Han}/u;

/** A slug from any text: lower case, runs of other characters become one hyphen. */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The file name for a person: surname, hyphen, given name, in toneless
 * pinyin (ü as v). Names in Latin letters are kept as words; names in
 * other scripts, such as 阿依古丽·买买提, are split at the middle dot.
 * Empty when nothing in the name can be spelt in Latin letters.
 */
export function pinyinSlug(name: string): string {
  const compact = name.replace(/\s+/g, (space, at: number) => (HAN.test(name[at - 1] ?? '') && HAN.test(name[at + space.length] ?? '') ? '' : ' ')).trim();
  if (!HAN.test(compact)) return toSlug(compact);
  // Parts of a transliterated name: 阿依古丽·买买提 → 阿依古丽, 买买提.
  const parts = compact.split(/[·•・.\s]+/).filter(Boolean);
  const words: string[] = [];
  parts.forEach((part, i) => {
    const chars = [...part];
    const syllables = pinyin(part, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive', ...(i === 0 ? { surname: 'head' as const } : {}) }).map((s) => toSlug(s));
    if (parts.length === 1 && chars.every((c) => HAN.test(c)) && chars.length >= 2) {
      const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
      words.push(syllables.slice(0, surnameLength).join(''), syllables.slice(surnameLength).join(''));
    } else {
      words.push(syllables.join(''));
    }
  });
  const slug = words.filter(Boolean).join('-');
  return SLUG_PATTERN.test(slug) ? slug : toSlug(slug);
}

/**
 * Slugs for a list of names in order, the second and later people with the
 * same slug getting -2, -3…: two 张伟 become zhang-wei and zhang-wei-2.
 */
export function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = pinyinSlug(name);
    if (base === '') return '';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

/**
 * Generic words that end a unit's or an item's name and tell nothing apart:
 * 民政窗口 is the 民政 window, 门诊服务中心 the outpatient centre. Longest
 * first, so that 服务窗口 goes before 窗口.
 */
const GENERIC_ENDINGS = ['服务窗口', '服务中心', '服务大厅', '服务站', '服务点', '服务台', '窗口', '中心', '大厅'] as const;

/**
 * The file or folder name for a unit or an item, from its Chinese name:
 * 民政窗口 → minzheng, 不动产登记窗口 → budongchandengji, 门诊服务中心 →
 * menzhen. A generic ending (窗口, 服务中心…) is dropped when something of at
 * least two characters is left: it lengthens every address and QR code
 * without telling units apart, and the example organisation's folders
 * (menzhen, budongchan) are named the same way. The rest is read as one
 * word, not as a surname and a given name (min-zhengchuangkou was the
 * person rule applied to a place); Chinese and Latin runs are joined by a
 * hyphen (CT检查 → ct-jiancha). Empty when nothing can be spelt in Latin
 * letters.
 */
export function termSlug(name: string): string {
  let text = name.replace(/\s+/g, ' ').trim();
  const ending = GENERIC_ENDINGS.find((e) => text.endsWith(e) && [...text.slice(0, -e.length).trim()].length >= 2);
  if (ending) text = text.slice(0, -ending.length).trim();
  const runs = text.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? [];
  const words = runs.map((run) => (HAN.test(run) ? pinyin(run, { toneType: 'none', type: 'array', v: true }).join('') : run)).map(toSlug);
  return toSlug(words.filter(Boolean).join('-'));
}
