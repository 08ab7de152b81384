import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importCommand } from '#tools/import/command.ts';
import { ELEMENTS, guideElements, matchHeading } from '#tools/import/guide-elements.ts';
import { cnNumber, items, mapGuide, phonesIn, type MappedGuide } from '#tools/import/guide-map.ts';
import { planGuideImport, procedureSlug, type GuideImportPlan } from '#tools/import/guide-import.ts';
import { blocksFromHtml, normaliseText, readGuide } from '#tools/import/guide-read.ts';
import { SMALL } from '../helpers/content.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/guides/', import.meta.url));
const DOCX = join(CORPUS, 'docx');
const LISTS = join(CORPUS, 'lists');
const EXPECTED = join(CORPUS, 'expected');
const TODAY = '2026-12-07';

/** The front matter and body of a procedure file. */
function procedure(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no front matter');
  return { data: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]!.trim() };
}

const expected = (name: string) => procedure(readFileSync(join(EXPECTED, name), 'utf8'));

async function mapDocx(file: string): Promise<MappedGuide> {
  return mapGuide(guideElements(await readGuide(join(DOCX, file))));
}

/** Maps guide text written as simple HTML, as mammoth gives it. */
const mapHtml = (html: string) => mapGuide(guideElements(blocksFromHtml(html)));
const kv = (...rows: Array<[string, string]>) =>
  `<table>${rows
    .map(
      ([h, v]) =>
        `<tr><td><p>${h}</p></td><td>${v
          .split('\n')
          .map((l) => `<p>${l}</p>`)
          .join('')}</td></tr>`,
    )
    .join('')}</table>`;

const GUIDES = readdirSync(DOCX)
  .filter((f) => f.endsWith('.docx'))
  .sort();

describe('the corpus of Word guides', () => {
  it('has at least twelve guides, each with its expected procedure file', () => {
    expect(GUIDES.length).toBeGreaterThanOrEqual(12);
    for (const g of GUIDES) expect(existsSync(join(EXPECTED, `${basename(g, '.docx')}.md`)), g).toBe(true);
  });

  it.each(GUIDES)('%s becomes the procedure its expected file describes', async (file) => {
    const mapped = await mapDocx(file);
    const want = expected(`${basename(file, '.docx')}.md`);
    expect(mapped.data).toEqual(want.data);
    expect(mapped.body.trim()).toBe(want.body);
  });

  it.each(GUIDES)('%s: every 待填写 and 未公布 it writes is listed in its report under that element', async (file) => {
    const mapped = await mapDocx(file);
    const titles: Record<string, string> = { ...ELEMENTS, statutory: '法定办结时限', promised: '承诺办结时限' };
    const markers: string[] = [];
    const walk = (value: unknown, key: string) => {
      if (value === '待填写' || value === '未公布') markers.push(key);
      else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, key === 'timeLimit' && (k === 'statutory' || k === 'promised') ? k : key);
    };
    for (const [key, value] of Object.entries(mapped.data)) walk(value, key);
    for (const key of markers) {
      const named = [titles[key], key === 'statutory' || key === 'promised' ? ELEMENTS.timeLimit : undefined, key === 'hours' || key === 'places' ? ELEMENTS.hours : undefined];
      expect(
        mapped.findings.some((f) => named.includes(f.element)),
        `${file}: ${key} is 待填写/未公布 but the report says nothing about ${titles[key]}`,
      ).toBe(true);
    }
  });
});

describe('what the importer reports instead of guessing', () => {
  it('lists an element it does not know with the text it left out', async () => {
    const { findings } = await mapDocx('09-缺项-户口迁移.docx');
    expect(findings).toContainEqual({ element: '联办事项', level: 'unplaced', message: '不认识“联办事项”这一项，没有导入', source: '可同时办理居民身份证换领' });
  });

  it('writes both limits 待填写 when a guide does not say whether its one limit is statutory or promised', async () => {
    const { data, findings } = await mapDocx('09-缺项-户口迁移.docx');
    expect(data.timeLimit).toEqual({ statutory: '待填写', promised: '待填写' });
    expect(findings.find((f) => f.element === '办理时限')).toMatchObject({ level: 'unsure', source: '办理时限：20个工作日' });
  });

  it('keeps a fee it cannot read word for word as the fee note, and writes the fee 待填写', async () => {
    const { data, findings } = await mapDocx('07-流程箭头-预约挂号.docx');
    expect(data.fee).toBe('待填写');
    expect(data.feeNote).toBe('诊察费按医院公示的医疗服务价格收取');
    expect(findings).toContainEqual(expect.objectContaining({ element: '收费标准', level: 'unsure', source: '诊察费按医院公示的医疗服务价格收取' }));
  });

  it('calls a 设定依据 of “无” 未公布, not a gap to fill, and says “无” looks like a placeholder', async () => {
    const { data, findings } = await mapDocx('09-缺项-户口迁移.docx');
    expect(data.legalBasis).toBe('未公布');
    expect(findings).toContainEqual(
      expect.objectContaining({ element: '设定依据', level: 'gap', message: '写的是“无”，写成了 未公布（“无”像是还没填的占位字，请向业务科室核实）' }),
    );
  });

  it.each([
    ['an empty cell', '', '这一栏是空的，写成了 未公布'],
    ['暂无', '暂无', '写的是“暂无”，写成了 未公布（“暂无”像是还没填的占位字，请向业务科室核实）'],
  ])('writes 未公布 for a heading the guide has with %s under it', (_, value, message) => {
    const { data, findings } = mapHtml(kv(['事项名称', '甲'], ['事项简介', value], ['设定依据', value]));
    expect(data.summary).toBe('未公布');
    expect(data.legalBasis).toBe('未公布');
    expect(findings).toContainEqual(expect.objectContaining({ element: '事项简介', level: 'gap', message }));
  });

  it('says when “无” under 法定办结时限 was written 未公布, since it may mean there is no statutory limit', async () => {
    const { data, findings } = await mapDocx('10-全角-接种证补办.docx');
    expect(data.timeLimit).toEqual({ statutory: '未公布', promised: '当场办结' });
    expect(findings).toContainEqual(expect.objectContaining({ element: '法定办结时限', level: 'unsure' }));
  });

  it('takes 未公布 under 法定办结时限 as written, with nothing to check', () => {
    const { data, findings } = mapHtml(kv(['事项名称', '甲'], ['法定办结时限', '未公布'], ['承诺办结时限', '5个工作日']));
    expect(data.timeLimit).toMatchObject({ statutory: '未公布', promised: 5 });
    expect(findings.filter((f) => f.element === '法定办结时限')).toEqual([]);
  });

  it('gives a footnote to the element that cites it, or lists it when it has no place', async () => {
    expect(((await mapDocx('03-合并单元格-病案复印.docx')).data.timeLimit as Record<string, unknown>).note).toBe('出院10个工作日后病历归档，方可复印。');
    const foot = await mapDocx('08-脚注-异地就医备案.docx');
    expect(foot.data.feeNote).toBe('备案本身不收费，就医费用按参保地政策报销。');
    expect((foot.data.hours as Record<string, unknown>).holidays).toBe('法定节假日休息');
    expect(foot.findings).toContainEqual(expect.objectContaining({ element: '申请材料', level: 'unplaced', source: '也可以通过“国家医保服务平台”App办理。' }));
  });

  it('asks which case an optional material is for when the guide does not say', async () => {
    const { findings } = await mapDocx('06-材料表格-不动产抵押登记.docx');
    expect(findings).toContainEqual(expect.objectContaining({ element: '申请材料', level: 'unsure', message: '“授权委托书”不是必需材料，但没写什么情况下需要' }));
  });

  it('counts every element a guide has once: placed, to check, or not placed', async () => {
    const { stats, findings } = await mapDocx('09-缺项-户口迁移.docx');
    expect(stats.found).toBe(stats.placed + stats.unsure + stats.unplaced);
    // 联办事项 is not placed; 申请材料 and 办理时限 are placed with something to check.
    expect(stats.unplaced).toBe(1);
    expect(stats.unsure).toBe(2);
    expect(findings.filter((f) => f.level === 'unplaced')).toHaveLength(1);
  });
});

describe('element headings in their common wordings and layouts', () => {
  it.each([
    ['收费标准及依据', 'fee'],
    ['收费标准（依据）', 'fee'],
    ['三、申请材料：', 'materials'],
    ['（二）办理流程', 'steps'],
    ['办 理 时 限', 'timeLimit'],
    ['法定期限', 'statutory'],
    ['承诺时限', 'promised'],
    ['监督投诉电话', 'complaint'],
    ['投诉举报电话', 'complaint'],
    ['基本编码', 'code'],
    ['跑动次数', 'visits'],
  ])('reads “%s” as %s', (heading, element) => {
    expect(matchHeading(heading)?.element).toBe(element);
  });

  it('does not take a sentence that mentions an element for its heading', () => {
    expect(matchHeading('申请人应当对申请材料的真实性负责')).toBeUndefined();
    expect(matchHeading('材料名称')).toBeUndefined();
  });

  it('reads 法定 and 承诺 limits in their usual wordings', () => {
    const limit = (text: string) => mapHtml(kv(['事项名称', '甲'], ['办理时限', text])).data.timeLimit;
    expect(limit('法定 20 个工作日，承诺 5 个工作日')).toEqual({ statutory: 20, promised: 5 });
    expect(limit('法定二十个工作日；承诺五个工作日')).toEqual({ statutory: 20, promised: 5 });
    expect(limit('法定时限：30日，承诺时限：10个工作日')).toEqual({ statutory: 30, statutoryUnit: '自然日', promised: 10 });
    expect(limit('无法定时限，承诺3个工作日（不含公告时间）')).toEqual({ statutory: '无法定时限', promised: 3, note: '不含公告时间' });
    expect(limit('即办件')).toEqual({ statutory: '未公布', promised: '当场办结' });
  });

  it('reads fees as 不收费, or items with amount and basis', () => {
    const fee = (text: string) => {
      const { data } = mapHtml(kv(['事项名称', '甲'], ['收费标准', text]));
      return { fee: data.fee, feeNote: data.feeNote };
    };
    expect(fee('不收费')).toEqual({ fee: '不收费', feeNote: undefined });
    expect(fee('本事项不收取任何费用')).toEqual({ fee: '不收费', feeNote: undefined });
    expect(fee('工本费 10 元/本，依据《关于不动产登记收费的通知》（发改价格规〔2016〕2559号）')).toEqual({
      fee: [{ name: '工本费', amount: '10 元/本', basis: '《关于不动产登记收费的通知》（发改价格规〔2016〕2559号）' }],
      feeNote: undefined,
    });
    // “无” could mean free or not filled in: the checker refuses it as a fee; the guide has the heading and states nothing, so 未公布, flagged for the unit to answer.
    expect(fee('无')).toEqual({ fee: '未公布', feeNote: undefined });
  });

  it('reads numbered items, several on one line too, and Chinese numbers', () => {
    expect(items(['1.甲；2.乙；3.丙'])).toEqual(['甲', '乙', '丙']);
    expect(items(['（1）甲', '（2）乙'])).toEqual(['甲', '乙']);
    expect(items(['① 甲 ② 乙'])).toEqual(['甲', '乙']);
    expect(items(['收费 2.5 元'])).toEqual(['收费 2.5 元']);
    expect(cnNumber('二十')).toBe(20);
    expect(cnNumber('十五')).toBe(15);
    expect(cnNumber('一百二十')).toBe(120);
  });

  it('reads full-width digits and dashes as ordinary ones, and phone numbers as the checker accepts them', () => {
    expect(normaliseText('０５７０－６０１２　３３３３')).toBe('0570-6012 3333');
    expect(phonesIn('咨询电话：0570—6012 3333，投诉：12345').ok).toEqual(['0570-6012 3333', '12345']);
    expect(phonesIn('0570-12333').ok).toEqual(['0570-12333']);
    expect(phonesIn('0570-6015 6666转8002').ok).toEqual(['0570-6015 6666转8002']);
    expect(phonesIn('6012 3333').bad).toEqual(['6012 3333']);
  });

  it('reads hours with 上午 and 下午 in a 12-hour clock, and what the guide says about holidays', () => {
    const { data } = mapHtml(kv(['事项名称', '甲'], ['办理时间', '周一至周五上午8:30-12:00，下午2:00-5:30；周六上午9:00-12:00（法定节假日除外）']));
    expect(data.hours).toEqual({
      regular: [
        { days: '周一至周五', times: ['08:30-12:00', '14:00-17:30'] },
        { days: '周六', times: ['09:00-12:00'] },
      ],
      holidays: '法定节假日除外',
    });
  });

  it('names files by the pinyin of the procedure', () => {
    expect(procedureSlug('居民身份证补领')).toBe('juminshenfenzhengbuling');
    expect(procedureSlug('《出生医学证明》首次签发')).toBe('chushengyixuezhengmingshouciqianfa');
    expect(procedureSlug('户口迁移（市外迁入）')).toBe('hukouqianyi');
  });
});

describe('item lists', () => {
  const LIST_FILES = readdirSync(LISTS).sort();

  it('has three lists in .xlsx and .csv', () => {
    expect(LIST_FILES.map((f) => extname(f)).sort()).toEqual(['.csv', '.csv', '.xlsx']);
  });

  it.each(LIST_FILES)('%s: each row becomes the procedure its expected file describes', async (file) => {
    const plan = await planGuideImport({ kind: 'guides', input: join(LISTS, file), unit: 'chuangkou', contentDir: SMALL, today: TODAY });
    expect(plan.errors).toEqual([]);
    expect(plan.files.length).toBeGreaterThan(0);
    for (const f of plan.files) {
      const want = expected(`${basename(file, extname(file))}-${f.row}.md`);
      expect(procedure(f.text).data, `row ${f.row}`).toEqual(want.data);
    }
  });

  it('reads a GBK list as Excel saved it on a Chinese Windows', async () => {
    const plan = await planGuideImport({ kind: 'guides', input: join(LISTS, '户政事项清单-GBK.csv'), unit: 'chuangkou', contentDir: SMALL, today: TODAY });
    expect(plan.encoding).toBe('gbk');
    expect(plan.files.map((f) => f.name)).toEqual(['居住证签注', '临时居民身份证办理']);
  });

  it('says where the header should be when a list has none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siliang-guides-'));
    try {
      writeFileSync(join(dir, 'list.csv'), '甲,乙\n1,2\n');
      const plan = await planGuideImport({ kind: 'guides', input: join(dir, 'list.csv'), unit: 'chuangkou', contentDir: SMALL, today: TODAY });
      expect(plan.errors).toEqual([expect.stringMatching(/^list\.csv：找不到表头/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run import -- guide', () => {
  let content: string;
  beforeEach(() => {
    content = mkdtempSync(join(tmpdir(), 'siliang-guide-'));
    cpSync(SMALL, content, { recursive: true });
  });
  afterEach(() => rmSync(content, { recursive: true, force: true }));

  const PROCEDURES = () => readdirSync(join(content, 'units/chuangkou/procedures')).sort();
  const run = (...args: string[]) => importCommand([...args, '--unit', 'chuangkou', '--content', content], { today: TODAY });

  it('writes one procedure file per guide of a folder, then checks them with the content checker', async () => {
    const before = PROCEDURES();
    const result = await run('guide', DOCX);
    expect(result.stderr).toBe('');
    const added = PROCEDURES().filter((f) => !before.includes(f));
    expect(added).toHaveLength(GUIDES.length);
    expect(readFileSync(join(content, 'units/chuangkou/procedures/juminshenfenzhengbuling.md'), 'utf8')).toMatch(
      /^---\n# 由 npm run import 从 01-两列表格-身份证补领\.docx 导入（2026-12-07）。/,
    );
    // The report names each file and what to check in it, and the checker's messages point at the new files.
    expect(result.stdout).toContain('✓ 写入 units/chuangkou/procedures/juminshenfenzhengbuling.md（01-两列表格-身份证补领.docx：居民身份证补领；');
    expect(result.stdout).toContain('缺项  事项简介：原文没有这一项，写成了 待填写');
    for (const line of result.stdout.split('\n').filter((l) => /^[✗!] /.test(l))) expect(line).toMatch(/units\/chuangkou\/procedures\/[a-z0-9-]+\.md/);
  });

  it('writes nothing on a dry run, and says what it would write', async () => {
    const before = PROCEDURES();
    const result = await run('guide', join(DOCX, '02-四列表格-结婚登记.docx'), '--dry-run');
    expect(result.code).toBe(0);
    expect(PROCEDURES()).toEqual(before);
    expect(result.stdout).toContain('将写入 units/chuangkou/procedures/neidijuminjiehundengji.md');
    expect(result.stdout).toContain('试运行，没有写入文件');
  });

  it('never overwrites an existing file without --overwrite', async () => {
    const path = join(content, 'units/chuangkou/procedures/neidijuminjiehundengji.md');
    writeFileSync(path, 'mine');
    const result = await run('guide', join(DOCX, '02-四列表格-结婚登记.docx'));
    expect(readFileSync(path, 'utf8')).toBe('mine');
    expect(result.stdout).toContain('- 跳过 units/chuangkou/procedures/neidijuminjiehundengji.md 已经存在，没有覆盖');
    await run('guide', join(DOCX, '02-四列表格-结婚登记.docx'), '--overwrite');
    expect(procedure(readFileSync(path, 'utf8')).data.name).toBe('内地居民结婚登记');
  });

  it('imports an item list with guides', async () => {
    const result = await run('guides', join(LISTS, '社保事项清单.xlsx'));
    expect(result.stdout).toContain('社保事项清单.xlsx（Excel 工作簿）');
    expect(PROCEDURES()).toEqual(expect.arrayContaining(['chengxiangjuminjibenyanglaobaoxiancanbao.md', 'shehuibaozhangkaguashi.md', 'shiyedengji.md']));
  });

  it.each([
    ['损坏.docx', /^✗ 损坏\.docx：这个 Word 文档已损坏或不完整/m],
    ['其实是文本.docx', /^✗ 其实是文本\.docx：这个文件不是 Word 文档/m],
    ['其实是PDF.docx', /^✗ 其实是PDF\.docx：这个文件其实是 PDF/m],
    ['旧版.doc', /^✗ 旧版\.doc：这是旧版 Word 文件（\.doc），读不了：请用 Word 或 WPS 打开，“另存为”Word 文档（\*\.docx）后再导入/m],
  ])('refuses %s with a message naming it, exit code 1, and writes nothing', async (file, message) => {
    const before = PROCEDURES();
    const result = await run('guide', join(CORPUS, 'bad', file));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(message);
    expect(result.stdout).toContain('没有写入任何文件');
    expect(result.stdout).not.toMatch(/\n\s+at /);
    expect(PROCEDURES()).toEqual(before);
  });

  it('stops at a broken file in a folder before writing any of the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siliang-guides-'));
    try {
      cpSync(join(DOCX, '01-两列表格-身份证补领.docx'), join(dir, 'a.docx'));
      cpSync(join(CORPUS, 'bad', '损坏.docx'), join(dir, 'b.docx'));
      const before = PROCEDURES();
      const result = await run('guide', dir);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^✗ b\.docx：/m);
      expect(PROCEDURES()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at an identity number in a guide before writing anything, masking it', async () => {
    const before = PROCEDURES();
    const result = await run('guide', join(CORPUS, 'privacy', '身份证号.docx'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ 身份证号\.docx：“申请材料”里有身份证号 \S+，不能公开/);
    expect(result.stdout).not.toContain('330122199001010018');
    expect(PROCEDURES()).toEqual(before);
  });

  it('stops at a private mobile outside the phone elements, and accepts one given as the consulting phone', async () => {
    const result = await run('guide', join(CORPUS, 'privacy', '手机号.docx'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ 手机号\.docx：“办理流程”里有手机号 139\*\*\*\*2345/);
    expect(result.stdout).not.toContain('13957112345');
    const published = mapHtml(kv(['事项名称', '甲'], ['咨询电话', '13957112345']));
    expect(published.data.phones).toEqual({ consult: '13957112345' });
  });

  it('is a usage error (exit code 2) for a unit or file that is not there', async () => {
    expect((await importCommand(['guide', DOCX, '--unit', 'nowhere', '--content', content], { today: TODAY })).code).toBe(2);
    expect((await run('guide', join(CORPUS, 'no-such.docx'))).code).toBe(2);
    expect((await importCommand(['guide', DOCX], { today: TODAY })).code).toBe(2);
  });
});

describe('plans', () => {
  it('give each guide of a folder its own file name, even for two guides of the same name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siliang-guides-'));
    try {
      cpSync(join(DOCX, '01-两列表格-身份证补领.docx'), join(dir, 'a.docx'));
      cpSync(join(DOCX, '01-两列表格-身份证补领.docx'), join(dir, 'b.docx'));
      // Word's lock file beside an open document is not a guide.
      writeFileSync(join(dir, '~$a.docx'), 'lock');
      const plan: GuideImportPlan = await planGuideImport({ kind: 'guide', input: dir, unit: 'chuangkou', contentDir: SMALL, today: TODAY });
      expect(plan.errors).toEqual([]);
      expect(plan.files.map((f) => f.relPath)).toEqual(['units/chuangkou/procedures/juminshenfenzhengbuling.md', 'units/chuangkou/procedures/juminshenfenzhengbuling-2.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the forms added for real material, as guides write them', () => {
  const materialsOf = (...lines: string[]) => mapHtml(kv(['事项名称', '甲'], ['申请材料', lines.join('\n')])).data;

  it('reads 原件1份、复印件2份 as both counts', () => {
    expect(materialsOf('死亡证明原件1份、复印件2份').materials).toEqual([{ name: '死亡证明', form: '原件和复印件', copies: 2, originals: 1 }]);
  });

  it('reads 任选其一 and …之一 as alternatives, with the general name when the guide gives one', () => {
    expect(materialsOf('有效身份证件（以下任选其一：居民身份证、临时居民身份证）原件1份').materials).toEqual([
      { name: '有效身份证件', form: '原件', copies: 1, anyOf: [{ name: '居民身份证' }, { name: '临时居民身份证' }] },
    ]);
    expect(materialsOf('居民身份证或护照之一原件1份').materials).toEqual([
      { name: '居民身份证或护照', form: '原件', copies: 1, anyOf: [{ name: '居民身份证' }, { name: '护照' }] },
    ]);
  });

  it('reads 申请人为…的 as kinds of applicant when there are two or more, and as a condition when there is one', () => {
    const two = materialsOf('申请人为患者本人的，提交居民身份证原件1份', '申请人为保险机构的，提交授权书原件1份');
    expect(two.applicants).toEqual(['患者本人', '保险机构']);
    expect(two.materials).toEqual([
      { name: '居民身份证', form: '原件', copies: 1, applicants: ['患者本人'] },
      { name: '授权书', form: '原件', copies: 1, applicants: ['保险机构'] },
    ]);
    const one = materialsOf('申请人为保险机构的，提交授权书原件1份');
    expect(one.applicants).toBeUndefined();
    expect(one.materials).toEqual([{ name: '授权书', form: '原件', copies: 1, required: false, condition: '申请人为保险机构的' }]);
  });

  it('reads a waiting period and an exception out of the time limit', () => {
    const { data } = mapHtml(kv(['事项名称', '甲'], ['办理时限', '法定20个工作日，承诺5个工作日（除省厅制卡时间外）；出院10个工作日后方可复印']));
    expect(data.timeLimit).toEqual({ statutory: 20, promised: 5, exception: '除省厅制卡时间外', waiting: { after: '出院', days: 10, then: '可复印' } });
  });

  it('reads 通办 scope with its note, and an appointment that must be made', () => {
    const { data } = mapHtml(kv(['事项名称', '甲'], ['通办范围', '全省通办'], ['预约方式', '须提前一天电话预约，预约电话：0570-6012 3300']));
    expect(data.scope).toBe('全省通办');
    expect(data.appointment).toEqual({ required: true, how: '须提前一天电话预约', phone: '0570-6012 3300' });
  });

  it('reads channels without an address by their kind, and says when it cannot tell one', () => {
    const { data } = mapHtml(kv(['事项名称', '甲'], ['网上办理', '微信公众号“青溪人社”、“浙里办”App']));
    expect(data.online).toEqual([
      { label: '青溪人社', kind: '微信公众号' },
      { label: '浙里办', kind: '手机应用' },
    ]);
    const unknown = mapHtml(kv(['事项名称', '甲'], ['网上办理', '青溪人社']));
    expect(unknown.data.online).toBeUndefined();
    expect(unknown.findings).toContainEqual(expect.objectContaining({ element: '网上办理', level: 'unplaced', source: '青溪人社' }));
  });
});
