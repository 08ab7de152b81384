/**
 * One test per form real units publish (issue 15): the schema accepts a
 * realistic sample, the page shows it, and search finds it (the text is in
 * the page's indexed region and in the page's Pagefind fragment). Every
 * form is written into one copy of the small fixture, each in a file of its
 * own where it can be, and the folder is built once for all of them.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, checkFile } from '#lib/content/check.ts';
import { page, text } from '../helpers/html.ts';
import { readFragment } from '../helpers/pagefind.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const SMALL = join(ROOT, 'test/fixtures/small');
const temp = mkdtempSync(join(tmpdir(), 'siliang-forms-'));
const content = join(temp, 'content');
const out = join(temp, 'out');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The fields every sample guide has; a form replaces or adds the ones it is about. */
const GUIDE_BASE: Record<string, string[]> = {
  code: ['code: "330000-000-GG-0101"'],
  summary: ['summary: 为群众办理本事项。'],
  eligibility: ['eligibility: [本县户籍居民]'],
  materials: ['materials:', '  - name: 居民身份证', '    form: 原件'],
  steps: ['steps:', '  - name: 窗口受理', '    where: 一楼 1 号窗口'],
  timeLimit: ['timeLimit:', '  statutory: 20', '  promised: 5'],
  visits: ['visits: 1'],
  fee: ['fee: 不收费'],
  legalBasis: ['legalBasis: [《测试条例》第三条]'],
};

/** A guide's Markdown file: the base fields, with `fields` put in their place or added. */
function guide(name: string, fields: Record<string, string[]>): string {
  const all = { ...GUIDE_BASE, ...fields };
  return ['---', `name: ${name}`, ...Object.values(all).flat(), '---', '', '办理前请先电话咨询。', ''].join('\n');
}

interface Form {
  /** What real material writes, as the issue names it. */
  form: string;
  /** The file that carries it, and its text. */
  file: string;
  text: string;
  /** The page that shows it, and what it must show there (as a reader sees it). */
  page: string;
  shown: string[];
  /** An element of the page to read instead of all of `main`, e.g. a post's card, or a heading for its section. */
  within?: string;
}

const P = 'units/chuangkou/procedures';
const at = (slug: string) => `units/chuangkou/procedures/${slug}/`;

const FORMS: Form[] = [
  {
    form: 'materials that depend on who applies (applicants)',
    file: `${P}/shenqingren.md`,
    text: guide('婚姻登记档案查询', {
      materials: ['materials:', '  - name: 本人居民身份证', '    form: 原件', '  - name: 授权委托书', '    form: 原件', '    applicants: [委托代办]'],
      applicants: ['applicants: [本人办理, 委托代办]'],
    }),
    page: at('shenqingren'),
    shown: ['按申请人不同：本人办理 1 项；委托代办 2 项', '授权委托书', '委托代办'],
  },
  {
    form: 'any one of several documents (anyOf)',
    file: `${P}/renxuan.md`,
    text: guide('社会保障卡补办', {
      materials: [
        'materials:',
        '  - name: 本人有效身份证件',
        '    form: 原件',
        '    anyOf:',
        '      - name: 居民身份证',
        '      - name: 临时居民身份证',
        '        note: 在有效期内',
      ],
    }),
    page: at('renxuan'),
    shown: ['任选其一：居民身份证、临时居民身份证（在有效期内）'],
  },
  {
    form: 'originals and copies counted together',
    file: `${P}/yuanjian.md`,
    text: guide('出生医学证明补发', { materials: ['materials:', '  - name: 父母双方居民身份证', '    form: 原件和复印件', '    originals: 2', '    copies: 3'] }),
    page: at('yuanjian'),
    shown: ['父母双方居民身份证', '原件 2 份、复印件 3 份'],
  },
  {
    form: 'a limit that starts after a waiting period (waiting)',
    file: `${P}/dengdai.md`,
    text: guide('病历复印', {
      timeLimit: ['timeLimit:', '  statutory: 未公布', '  promised: 当场办结', '  waiting:', '    after: 出院', '    days: 10', '    then: 可申请复印病历'],
    }),
    page: at('dengdai'),
    shown: ['出院 10 个工作日后可申请复印病历'],
  },
  {
    form: 'a limit with an exception',
    file: `${P}/liwai.md`,
    text: guide('社会保障卡申领', { timeLimit: ['timeLimit:', '  statutory: 20', '  promised: 10', '  exception: 除省厅制卡时间外'] }),
    page: at('liwai'),
    shown: ['除省厅制卡时间外', '10 个工作日'],
  },
  {
    form: 'different limits for different applicants (byApplicant)',
    file: `${P}/fenlei.md`,
    text: guide('计划生育服务登记', {
      timeLimit: ['timeLimit:', '  statutory: 30', '  promised: 3', '  byApplicant:', '    - applicant: 流动人口', '      promised: 20', '      statutory: 30'],
    }),
    page: at('fenlei'),
    shown: ['流动人口：20 个工作日（法定 30 个工作日）'],
  },
  {
    form: 'several places, each with its hours (places)',
    file: `${P}/duochu.md`,
    text: guide('住院病案复印', {
      places: [
        'places:',
        '  - name: 城东院区门诊楼一楼 6 号窗口',
        '    address: 青溪县人民路 88 号',
        '    hours:',
        '      regular:',
        '        - days: 周一至周五',
        '          times: ["08:00-11:30"]',
        '      holidays: 法定节假日休息',
        '  - name: 城西院区行政楼二楼病案室',
        '    directions: 从西门进入后左转',
      ],
    }),
    page: at('duochu'),
    shown: ['城东院区门诊楼一楼 6 号窗口', '青溪县人民路 88 号', '08:00-11:30', '城西院区行政楼二楼病案室', '从西门进入后左转'],
  },
  {
    form: 'an online channel without a URL',
    file: `${P}/gongzhonghao.md`,
    text: guide('预防接种预约', { online: ['online:', '  label: 青溪县疾控微信公众号', '  kind: 微信公众号', '  note: 关注后点“服务”→“接种预约”'] }),
    page: at('gongzhonghao'),
    shown: ['青溪县疾控微信公众号', '关注后点“服务”→“接种预约”'],
  },
  {
    form: 'an appointment system',
    file: `${P}/yuyue.md`,
    text: guide('居民身份证申领', { appointment: ['appointment:', '  required: true', '  how: 提前一天通过微信公众号预约', '  phone: "0570-6747 5501"'] }),
    page: at('yuyue'),
    shown: ['提前一天通过微信公众号预约', '0570-6747 5501'],
  },
  {
    form: '通办 scope',
    file: `${P}/tongban.md`,
    text: guide('居民身份证换领', { scope: ['scope: 跨省通办'], scopeNote: ['scopeNote: 可在全国任一公安机关户籍窗口申请'] }),
    page: at('tongban'),
    shown: ['跨省通办', '可在全国任一公安机关户籍窗口申请'],
  },
  {
    form: 'labelled phones, one with an extension',
    file: `${P}/dianhua.md`,
    text: guide('病案复印咨询', { phones: ['phones:', '  - label: 病案复印咨询', '    number: "0570-6747 5557-678"', '  - label: 投诉', '    number: "0570-6747 5000"'] }),
    page: at('dianhua'),
    shown: ['病案复印咨询', '0570-6747 5557-678', '0570-6747 5000'],
  },
  {
    form: 'a local number shown with site.yaml’s areaCode',
    file: `${P}/quhao.md`,
    text: guide('生育登记', { phones: ['phones:', '  - label: 咨询', '    number: "2342699;2342277"'] }),
    page: at('quhao'),
    shown: ['0570-2342699', '0570-2342277'],
  },
  {
    form: 'a unit with no phone of its own: the fallback channel, said to be one',
    file: 'units/jiedao/procedures/doudi.md',
    text: guide('居住证明开具', {}),
    page: 'units/jiedao/procedures/doudi/',
    shown: ['本单位未公布电话，可拨打政务服务便民热线 12345'],
  },
  {
    form: 'summer and winter hours (seasons)',
    file: `${P}/jijie.md`,
    text: guide('门诊病历打印', {
      hours: [
        'hours:',
        '  seasons:',
        '    - name: 夏季',
        '      from: "05-01"',
        '      to: "09-30"',
        '      regular:',
        '        - days: 周一至周五',
        '          times: ["08:00-12:00", "14:30-17:30"]',
        '    - name: 冬季',
        '      from: 10月1日',
        '      to: 4月30日',
        '      regular:',
        '        - days: 周一至周五',
        '          times: ["08:00-12:00", "14:00-17:00"]',
        '  holidays: 法定节假日休息',
      ],
    }),
    page: at('jijie'),
    shown: ['夏季', '14:30-17:30', '冬季', '14:00-17:00'],
  },
  {
    form: '上午 / 下午 with no clock times, and 工作日',
    file: `${P}/shangwu.md`,
    text: guide('独生子女证明', {
      hours: ['hours:', '  regular:', '    - days: 工作日', '      times: [上午]', '    - days: 周六', '      times: [下午]', '  holidays: 法定节假日休息'],
    }),
    page: at('shangwu'),
    shown: ['工作日', '上午', '周六', '下午'],
  },
  {
    form: 'elements not published or not yet filled (未公布, 待填写)',
    file: `${P}/weigongbu.md`,
    text: guide('新生儿预防接种建档', { code: ['code: 待填写'], fee: ['fee: 未公布'], legalBasis: ['legalBasis: 未公布'] }),
    page: at('weigongbu'),
    shown: ['本事项未公布收费信息，请咨询', '待填写', '未公布'],
  },
  {
    form: 'a post that publishes its duties only',
    file: 'units/chuangkou/posts/zonghe.yaml',
    text: ['name: 综合窗口岗', 'duties:', '  - 受理各类政务服务事项', '  - 解答群众咨询', ''].join('\n'),
    page: 'units/chuangkou/duties/',
    within: '#zonghe',
    shown: ['受理各类政务服务事项', '未公布', '履职要求', '工作时限', '服务用语', '投诉受理'],
  },
  {
    form: 'a standing pledge with no deadline',
    file: 'units/chuangkou/pledges/changqi.yaml',
    text: [
      'title: 综合受理窗口长期服务承诺',
      'year: 2026',
      'by:',
      '  type: 本单位',
      'items:',
      '  - text: 首问负责，一次性告知所需材料',
      '    deadline: 长期',
      '    status: 未公布',
      '',
    ].join('\n'),
    page: 'units/chuangkou/pledges/',
    shown: ['首问负责，一次性告知所需材料', '长期'],
  },
  {
    form: 'a 好评率 evaluation',
    file: 'units/chuangkou/evaluations/2026-q2.yaml',
    text: ['period: 2026 年第二季度', 'start: 2026-04-01', 'end: 2026-06-30', 'goodRate: 99.2', 'responses: 未公布', ''].join('\n'),
    page: 'units/chuangkou/evaluations/',
    within: '#evaluation-2026-q2',
    shown: ['好评率 99.2%', '未公布'],
  },
  {
    form: 'a level with no percentage, and counts per level',
    file: 'units/chuangkou/evaluations/2026-q1.yaml',
    text: ['period: 2026 年第一季度', 'start: 2026-01-01', 'end: 2026-03-31', 'level: 非常满意', 'counts:', '  非常满意: 1180', '  满意: 52', 'responses: 1232', ''].join('\n'),
    page: 'units/chuangkou/evaluations/',
    within: '#evaluation-2026-q1',
    shown: ['非常满意', '非常满意 1180 人', '满意 52 人', '1232 人'],
  },
];

/** The site and a second unit the forms need: site.yaml's areaCode and fallback, and a unit that publishes no phone. */
const SUPPORT: Record<string, string> = {
  'site.yaml': readFileSync(join(SMALL, 'site.yaml'), 'utf8').replace('supervision:\n', 'areaCode: "0570"\nfallback:\n  name: 政务服务便民热线\n  phone: "12345"\nsupervision:\n'),
  'units/jiedao/unit.yaml': [
    'name: 街道便民服务窗口',
    'kind: 基层站所',
    'parent: 测试县城关街道办事处',
    'summary: 办理居住证明等事项。',
    'location:',
    '  address: 测试县城关路 1 号',
    'phone: 未公布',
    '',
  ].join('\n'),
};

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Text as Pagefind keeps it, which puts zero-width spaces between the words it segments: compared without any spacing. */
const bare = (s: string) => s.replace(/[\s\u200b]+/g, '');
/** Each indexed page's Pagefind fragment text, by the page's address. */
let fragments: Map<string, string>;

beforeAll(async () => {
  cpSync(SMALL, content, { recursive: true });
  for (const [file, body] of [...Object.entries(SUPPORT), ...FORMS.map((f) => [f.file, f.text] as const)]) {
    mkdirSync(dirname(join(content, file)), { recursive: true });
    writeFileSync(join(content, file), body);
  }
  await buildInto(content, out, { print: 'none' });
  const dir = join(out, 'pagefind', 'fragment');
  fragments = new Map(
    readdirSync(dir).map((f) => {
      const fragment = readFragment(join(dir, f));
      return [fragment.url.replace(/^\//, '').replace(/index\.html$/, ''), bare(fragment.content)] as const;
    }),
  );
});

describe('the forms real units publish', () => {
  it('check as a whole folder with no error', () => {
    const { problems } = checkContent(content, { today: '2026-11-22' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  describe.each(FORMS.map((f) => [f.form, f] as const))('%s', (_form, f) => {
    it('is accepted by its schema', () => {
      const { problems, entry } = checkFile(content, f.file);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(entry).toBeDefined();
    });

    it('is shown on its page', () => {
      const doc = page(out, f.page);
      const element = doc.querySelector(f.within ?? 'main');
      // A heading's id names its whole section.
      const shown = text(element?.matches('h2, h3') ? element.closest('section') : element);
      for (const s of f.shown) expect(shown, s).toContain(flat(s));
    });

    it('is searchable: inside the indexed region and in the search index', () => {
      const doc = page(out, f.page);
      const bodies = doc.querySelectorAll('[data-pagefind-body]');
      expect(bodies.length).toBe(1);
      const region = text(bodies[0]);
      const indexed = fragments.get(f.page);
      expect(indexed, `no fragment for ${f.page}`).toBeDefined();
      for (const s of f.shown) {
        expect(region, s).toContain(flat(s));
        expect(indexed, s).toContain(bare(s));
      }
    });
  });
});
