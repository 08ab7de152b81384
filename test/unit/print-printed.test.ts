/**
 * A sheet's version code is computed from exactly what the sheet prints:
 * its printed view, which the sheet's components take as their props
 * (src/components/print/). Every printed field changes it, an unprinted one
 * does not. The procedure poster and the wall board are checked field by
 * field against their components (procedure/…, board/…).
 */
import { describe, expect, it } from 'vitest';
import { unitSheets, viewOf } from '#lib/print/catalogue.ts';
import { boardPledges, posterStatutory, printedBadge, printedBoard, printedPledge, printedProcedure, procedurePrompt, type PhotoId } from '#lib/print/printed.ts';
import { sheetCode, versionCode } from '#lib/print/version.ts';
import { buildModel, type ContentEntries, type Entry, type UnitModel } from '#lib/model.ts';
import type { PledgeData } from '#schemas/pledge.ts';
import type { PostData } from '#schemas/post.ts';
import type { NotStated } from '#schemas/common.ts';
import type { ProcedureData } from '#schemas/procedure.ts';
import type { SiteData } from '#schemas/site.ts';
import type { StaffData } from '#schemas/staff.ts';
import type { UnitData } from '#schemas/unit.ts';

const TODAY = '2026-11-22';
const photoId: PhotoId = (s) => `photo:${String(s.data.photo)}`;

/* A small unit in memory, shaped like the schemas' output; each test changes one thing in it. */

type Stated<T> = Exclude<T, NotStated>;
/** A guide that states every element, in the single-object forms, so that a test can change any of them. */
type StatedProcedure = Omit<ProcedureData, 'timeLimit' | 'materials' | 'steps' | 'fee' | 'eligibility' | 'legalBasis' | 'phones' | 'online' | 'summary' | 'code' | 'visits'> & {
  timeLimit: Stated<ProcedureData['timeLimit']>;
  materials: Stated<ProcedureData['materials']>;
  steps: Stated<ProcedureData['steps']>;
  fee: Stated<ProcedureData['fee']>;
  eligibility: string[];
  legalBasis: string[];
  summary: string;
  code: string;
  visits: number;
  phones?: { consult?: string; complaint?: string };
  online?: { url?: string; label?: string };
};

interface Parts {
  site: SiteData<string>;
  unit: UnitData<string>;
  procedure: StatedProcedure;
  staff: StaffData<string>;
  post: PostData;
  pledges: Record<string, PledgeData>;
}

function base(): Parts {
  return {
    site: {
      name: '青溪县窗口单位公开平台',
      shortName: '青溪县',
      url: 'https://gongkai.qingxi.example/',
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      phone: '0570-6000 0000',
      supervision: [{ type: 'hotline', value: '12345' }],
      hours: { regular: [{ days: '周一至周五', times: ['08:30-12:00', '14:00-17:30'] }], holidays: '法定节假日休息', note: '夏季作息另行通知' },
    },
    unit: {
      name: '公安户政窗口',
      kind: 'service-hall-window',
      parent: '青溪县政务服务中心',
      summary: '户籍和身份证业务',
      location: { building: '政务服务中心', floor: '二楼', windows: ['31'] },
      phone: '0570-6012 3012',
    } as UnitData<string>,
    procedure: {
      code: '330122-001-XK-0012',
      name: '居民身份证补领',
      summary: '身份证丢失后补办',
      category: '公共服务',
      eligibility: ['本县户籍居民'],
      materials: [{ name: '居民户口簿', form: 'original', copies: 1, required: true, condition: '未成年人', note: '原件核验', source: '申请人自备' }],
      steps: [
        {
          name: '缴费',
          description: '在窗口缴纳工本费',
          where: '二楼收费窗口',
          who: '申请人',
          duration: '即时',
          condition: '需要缴费的',
          optional: false,
          alternatives: [{ name: '自助机缴费', description: '扫码支付', where: '一楼大厅' }],
        },
      ],
      timeLimit: { statutory: 60, statutoryUnit: 'calendar-days', promised: 10, promisedUnit: 'working-days', note: '自受理之日起计算' },
      visits: 1,
      fee: [{ name: '工本费', amount: '20 元/证', basis: '发改价格〔2003〕2322号' }],
      feeNote: '符合条件的可以减免',
      result: '居民身份证',
      place: '政务服务中心二楼 31 号窗口',
      phones: { consult: '0570-6012 3012', complaint: '0570-6013 0110' },
      legalBasis: ['《中华人民共和国居民身份证法》第十一条'],
      online: { url: 'https://zwfw.qingxi.example/sfz/', label: '浙里办' },
      faq: [{ q: '要多久？', a: '十个工作日' }],
    } as StatedProcedure,
    staff: { name: '赵建军', photo: './zhao.jpg', post: 'shouli', onDuty: true, number: '063118', numberLabel: '警号' } as StaffData<string>,
    post: {
      name: '户政业务受理岗',
      duties: ['受理户籍业务'],
      requirements: ['着装规范'],
      timeLimits: ['首问负责'],
      phrases: ['您好'],
      complaint: { department: '督察室', phone: '0570-6013 0110' },
    },
    pledges: {
      '2026': {
        title: '2026 年度服务承诺',
        year: 2026,
        by: { type: 'unit' },
        items: [{ text: '办证提速', deadline: '2026-06-30', status: 'kept', evidence: '已提速', date: '2026-06-20' }],
      },
      '2025': { title: '2025 年度服务承诺', year: 2025, by: { type: 'unit' }, items: [{ text: '窗口延时', deadline: '2025-06-30', status: 'kept' }] },
    },
  };
}

function unitOf(parts: Parts, today = TODAY): UnitModel<string> {
  const u = 'huzheng';
  const entry = <D>(collection: string, slug: string, data: D): Entry<D> => ({ id: `${u}/${slug}`, file: `units/${u}/${collection}/${slug}.yaml`, data });
  const content: ContentEntries<string> = {
    site: parts.site,
    siteFile: 'site.yaml',
    units: [{ id: u, file: `units/${u}/unit.yaml`, data: parts.unit }],
    procedures: [{ ...entry('procedures', 'shenfenzheng', parts.procedure), file: `units/${u}/procedures/shenfenzheng.md` }],
    staff: [entry('staff', 'zhao-jianjun', parts.staff)],
    posts: [entry('posts', 'shouli', parts.post)],
    pledges: Object.entries(parts.pledges).map(([slug, data]) => entry('pledges', slug, data)),
    evaluations: [],
    notices: [],
  };
  const found = buildModel(content, today, () => undefined).units[0];
  if (!found) throw new Error('the unit did not build');
  return found;
}

const procedureCode = (parts: Parts) => {
  const unit = unitOf(parts);
  return sheetCode(printedProcedure(unit.procedures[0] as UnitModel<string>['procedures'][number], unit));
};
const boardCode = (parts: Parts, today = TODAY) => sheetCode(printedBoard(unitOf(parts, today), photoId, today));

type Change = [string, (p: Parts) => void];

/** Runs each change on a fresh copy and compares its code with the unchanged one's. */
function codesAfter(code: (p: Parts) => string, changes: readonly Change[]): Array<{ what: string; same: boolean }> {
  const before = code(base());
  return changes.map(([what, change]) => {
    const parts = base();
    change(parts);
    return { what, same: code(parts) === before };
  });
}

const step = (p: Parts) => p.procedure.steps[0] as StatedProcedure['steps'][number];
const alternative = (p: Parts) => (step(p).alternatives ?? [])[0] as NonNullable<StatedProcedure['steps'][number]['alternatives']>[number];
const material = (p: Parts) => p.procedure.materials[0] as StatedProcedure['materials'][number];
const fee = (p: Parts) => (p.procedure.fee as Exclude<StatedProcedure['fee'], '不收费'>)[0] as Exclude<StatedProcedure['fee'], '不收费'>[number];

describe('the procedure poster’s version code', () => {
  // Everything the poster prints, from its header down to its footer’s prompt.
  const printed: Change[] = [
    // The note qualifies the hours (winter afternoons, a closed day): wherever the hours are printed, so is it.
    ['hours note', (p) => (p.site.hours.note = '冬季作息另行通知')],
    [
      'seasonal hours',
      (p) =>
        (p.site.hours = {
          seasons: [
            { name: '夏季', from: '05-01', to: '09-30', regular: [{ days: '周一至周五', times: ['08:00-12:00'] }] },
            { name: '冬季', from: '10-01', to: '04-30', regular: [{ days: '周一至周五', times: ['08:30-12:00'] }] },
          ],
          holidays: p.site.hours.holidays,
        }),
    ],
    ['unit name', (p) => (p.unit.name = '户政窗口')],
    ['parent body, printed in the header', (p) => (p.unit.parent = '青溪县公安局')],
    ['name', (p) => (p.procedure.name = '居民身份证换领')],
    ['summary, printed under the name', (p) => (p.procedure.summary = '身份证到期换领')],
    ['eligibility', (p) => (p.procedure.eligibility = ['本县户籍居民', '在本县居住的外地居民'])],
    ['material name', (p) => (material(p).name = '居民户口簿（首页和本人页）')],
    ['material form', (p) => (material(p).form = 'copy')],
    ['material copies', (p) => (material(p).copies = 2)],
    ['material required', (p) => (material(p).required = false)],
    ['material condition', (p) => (material(p).condition = '十六周岁以下')],
    ['material note', (p) => (material(p).note = '复印件加盖公章')],
    ['step name', (p) => (step(p).name = '缴纳工本费')],
    ['step where', (p) => (step(p).where = '一楼收费窗口')],
    ['step who', (p) => (step(p).who = '收费员')],
    ['step duration', (p) => (step(p).duration = '5 分钟')],
    ['step condition', (p) => (step(p).condition = '补领的')],
    ['step optional', (p) => (step(p).optional = true)],
    ['alternative name', (p) => (alternative(p).name = '手机缴费')],
    ['alternative where, printed in brackets', (p) => (alternative(p).where = '二楼大厅')],
    ['promised time limit', (p) => (p.procedure.timeLimit.promised = 7)],
    ['statutory time limit', (p) => (p.procedure.timeLimit.statutory = 30)],
    ['visits', (p) => (p.procedure.visits = 2)],
    ['fee name', (p) => (fee(p).name = '证件工本费')],
    ['fee amount', (p) => (fee(p).amount = '40 元/证')],
    ['fee basis', (p) => (fee(p).basis = '财政部文件')],
    ['fee, made free', (p) => (p.procedure.fee = '不收费')],
    ['fee note, printed under the fees', (p) => (p.procedure.feeNote = '低保户免收')],
    ['place', (p) => (p.procedure.place = '政务服务中心一楼')],
    ['opening hours', (p) => (p.site.hours.regular = [{ days: '周一至周六', times: ['08:30-17:30'] }])],
    ['holiday arrangement', (p) => (p.site.hours.holidays = '节假日照常办公')],
    ['consultation phone', (p) => ((p.procedure.phones ?? {}).consult = '0570-6012 3000')],
    ['complaint phone', (p) => ((p.procedure.phones ?? {}).complaint = '0570-12345')],
    ['legal basis', (p) => (p.procedure.legalBasis = ['《居民身份证法》第十一条'])],
    ['online option, which the QR prompt mentions', (p) => delete p.procedure.online],
    ['time limit note, printed with the limit', (p) => (p.procedure.timeLimit.note = '不含邮寄时间')],
    ['time limit exception, printed with the limit', (p) => (p.procedure.timeLimit.exception = '除省厅制卡时间外')],
    ['hours note, printed with the hours', (p) => (p.site.hours.note = '冬季作息另行通知')],
    ['alternative condition, printed with the alternative', (p) => (alternative(p).condition = '已绑定社保卡的')],
    ['fee, not published', (p) => ((p.procedure as unknown as ProcedureData).fee = 'not-published')],
  ];
  it('prints every phone the unit publishes with its label, and for a unit with none the sentence naming the fallback, never its number as the unit’s', () => {
    const labelled = base();
    labelled.unit.phones = [{ label: '急诊', number: '0570-6021 1120 转 8120', hours: '24 小时' }];
    const lines = printedBoard(unitOf(labelled), photoId, TODAY).unit.phones;
    expect(lines.map((l) => l.label ?? '')).toEqual(['', '急诊']);
    expect(lines[1]?.text).toContain('8120');
    expect(lines[1]?.note).toContain('24 小时');

    const none = base();
    none.unit.phone = 'not-published';
    const [only, ...rest] = printedBoard(unitOf(none), photoId, TODAY).unit.phones;
    expect(rest).toEqual([]);
    expect(only?.fallback).toBe(true);
    expect(only?.text).toMatch(/^本单位未公布电话，可拨打.+0570-6000 0000/);
  });

  it.each(printed)('changes with the %s', (what, change) => {
    expect(codesAfter(procedureCode, [[what, change]])).toEqual([{ what, same: false }]);
  });

  // On the page or in the file, but not on the poster.
  const unprinted: Change[] = [
    ['step description', (p) => (step(p).description = '到窗口缴纳')],
    ['alternative description', (p) => (alternative(p).description = '微信扫码')],
    ['material source', (p) => (material(p).source = '公安机关')],
    ['online address (the poster does not print it)', (p) => (p.procedure.online = { url: 'https://zwfw.qingxi.example/new/', label: '浙里办 App' })],
    ['category', (p) => (p.procedure.category = '行政确认')],
    ['result', (p) => (p.procedure.result = '临时居民身份证')],
    ['questions and answers', (p) => (p.procedure.faq = [])],
    ['code', (p) => (p.procedure.code = '330122-001-XK-0099')],
  ];
  it.each(unprinted)('stays the same when the %s changes', (what, change) => {
    expect(codesAfter(procedureCode, [[what, change]])).toEqual([{ what, same: true }]);
  });

  it('prints the statutory limit beside the promised one only when it is a number of days', () => {
    const statutory = (change: (p: Parts) => void) => {
      const parts = base();
      change(parts);
      const unit = unitOf(parts);
      return posterStatutory(printedProcedure(unit.procedures[0] as UnitModel<string>['procedures'][number], unit));
    };
    expect(statutory(() => {})).toBe('60 个自然日');
    expect(statutory((p) => (p.procedure.timeLimit.statutory = 'on-the-spot'))).toBeUndefined();
    expect(statutory((p) => (p.procedure.timeLimit.statutory = 'none'))).toBeUndefined();
  });

  it('lists the fees with their basis, or prints 不收费', () => {
    const charges = (parts: Parts) => {
      const unit = unitOf(parts);
      return printedProcedure(unit.procedures[0] as UnitModel<string>['procedures'][number], unit).fee.charges;
    };
    expect(charges(base())).toEqual([{ name: '工本费', amount: '20 元/证', basis: '发改价格〔2003〕2322号' }]);
    const free = base();
    free.procedure.fee = '不收费';
    expect(charges(free)).toBe('不收费');
  });

  it('says the poster can be done online only when it can', () => {
    const prompt = (parts: Parts) => {
      const unit = unitOf(parts);
      return procedurePrompt(printedProcedure(unit.procedures[0] as UnitModel<string>['procedures'][number], unit));
    };
    const parts = base();
    expect(prompt(parts)).toContain('也可在网上办理');
    delete parts.procedure.online;
    expect(prompt(parts)).not.toContain('网上办理');
  });
});

describe('the wall board’s version code', () => {
  it('shows this year’s pledges, or the newest year’s when none is dated this year yet', () => {
    expect(boardPledges(unitOf(base()), TODAY)).toMatchObject({ year: 2026, pledges: [{ data: { year: 2026 } }] });
    const parts = base();
    delete parts.pledges['2026'];
    expect(boardPledges(unitOf(parts), TODAY)).toMatchObject({ year: 2025, pledges: [{ data: { year: 2025 } }] });
    parts.pledges = {};
    expect(boardPledges(unitOf(parts), TODAY)).toEqual({ year: undefined, pledges: [] });
  });

  const item2026 = (p: Parts) => (p.pledges['2026'] as PledgeData).items[0] as PledgeData['items'][number];
  const item2025 = (p: Parts) => (p.pledges['2025'] as PledgeData).items[0] as PledgeData['items'][number];

  const printed: Change[] = [
    // The note qualifies the hours (winter afternoons, a closed day): wherever the hours are printed, so is it.
    ['hours note', (p) => (p.site.hours.note = '冬季作息另行通知')],
    [
      'seasonal hours',
      (p) =>
        (p.site.hours = {
          seasons: [
            { name: '夏季', from: '05-01', to: '09-30', regular: [{ days: '周一至周五', times: ['08:00-12:00'] }] },
            { name: '冬季', from: '10-01', to: '04-30', regular: [{ days: '周一至周五', times: ['08:30-12:00'] }] },
          ],
          holidays: p.site.hours.holidays,
        }),
    ],
    ['unit name', (p) => (p.unit.name = '户政窗口')],
    ['unit phone', (p) => (p.unit.phone = '0570-6012 3000')],
    ['labelled unit phones', (p) => (p.unit.phones = [{ label: '急诊', number: '0570-6021 1120 转 8120' }])],
    ['opening hours', (p) => (p.site.hours.holidays = '节假日照常办公')],
    ['staff name', (p) => (p.staff.name = '赵建国')],
    ['staff photo', (p) => (p.staff.photo = './zhao-2.jpg')],
    ['staff on duty', (p) => (p.staff.onDuty = false)],
    ['post name', (p) => (p.post.name = '户籍受理岗')],
    ['duties', (p) => (p.post.duties = ['受理户籍业务', '受理身份证业务'])],
    ['complaint phone of a post', (p) => ((p.post.complaint as { phone: string }).phone = '0570-6013 0000')],
    ['procedure name', (p) => (p.procedure.name = '居民身份证换领')],
    ['procedure fee', (p) => (fee(p).amount = '40 元/证')],
    ['this year’s pledge title', (p) => ((p.pledges['2026'] as PledgeData).title = '2026 年度承诺（修订）')],
    ['this year’s pledge item', (p) => (item2026(p).text = '办证再提速')],
    ['this year’s pledge status', (p) => (item2026(p).status = 'in-progress')],
    ['channels', (p) => p.site.supervision.push({ type: 'complaint-phone', value: '0570-12388' })],
  ];
  it.each(printed)('changes with the %s', (what, change) => {
    expect(codesAfter(boardCode, [[what, change]])).toEqual([{ what, same: false }]);
  });

  // The board prints only this year's pledges, and only their text, deadline and status.
  const unprinted: Change[] = [
    ['title of last year’s pledge', (p) => ((p.pledges['2025'] as PledgeData).title = '2025 年度承诺（修订）')],
    ['item of last year’s pledge', (p) => (item2025(p).status = 'not-kept')],
    [
      'a whole new pledge for last year',
      (p) => (p.pledges['2025-b'] = { title: '补充承诺', year: 2025, by: { type: 'unit' }, items: [{ text: '新增', deadline: '2025-12-31', status: 'kept' }] }),
    ],
    ['evidence of this year’s pledge item', (p) => (item2026(p).evidence = '群众满意')],
    ['procedure summary (on the poster, not the board)', (p) => (p.procedure.summary = '新的简介')],
    ['staff number (on the badge, not the board)', (p) => (p.staff.number = '063119')],
  ];
  it.each(unprinted)('stays the same when the %s changes', (what, change) => {
    expect(codesAfter(boardCode, [[what, change]])).toEqual([{ what, same: true }]);
  });

  it('changes at the turn of the year when the new year’s pledges take over the board', () => {
    const parts = base();
    parts.pledges['2027'] = { title: '2027 年度服务承诺', year: 2027, by: { type: 'unit' }, items: [{ text: '新年承诺', deadline: '2027-06-30', status: 'not-started' }] };
    expect(boardCode(parts, '2026-12-31')).not.toBe(boardCode(parts, '2027-01-01'));
  });
});

describe('the pledge card’s version code', () => {
  const card = (parts: Parts, today = TODAY) => {
    const unit = unitOf(parts, today);
    return sheetCode(printedPledge(unit.pledges.find((p) => p.data.year === 2026) as UnitModel<string>['pledges'][number], unit, today));
  };

  it('changes with the parent body printed beside the unit', () => {
    const parts = base();
    parts.unit.parent = '青溪县公安局';
    expect(card(parts)).not.toBe(card(base()));
  });

  it('changes when an open item becomes overdue, which the card prints', () => {
    const parts = base();
    (parts.pledges['2026'] as PledgeData).items = [{ text: '办证提速', deadline: '2026-11-30', status: 'in-progress' }];
    expect(card(parts, '2026-11-22')).not.toBe(card(parts, '2026-12-01'));
  });

  it('hashes the latest review by date, the one the card prints, whatever order the file lists them in', () => {
    const early = { stage: 'middle', reviewer: '张局长', date: '2026-07-01', comment: '进展顺利' } as const;
    const late = { stage: 'end', reviewer: '张局长', date: '2026-12-01', comment: '全部兑现' } as const;
    const a = base();
    (a.pledges['2026'] as PledgeData).reviews = [early, late];
    const b = base();
    (b.pledges['2026'] as PledgeData).reviews = [late, early];
    expect(card(a)).toBe(card(b));
    const c = base();
    (c.pledges['2026'] as PledgeData).reviews = [late, { ...early, comment: '改过的年中点评' }];
    expect(card(c)).toBe(card(a));
  });
});

describe('the badge', () => {
  const number = (change: (p: Parts) => void) => {
    const parts = base();
    change(parts);
    const unit = unitOf(parts);
    return printedBadge(unit.staff[0] as UnitModel<string>['staff'][number], unit, photoId).number;
  };

  it('prints the number with the kind of number the file names, as under the photo', () => {
    expect(number(() => {})).toBe('警号 063118');
  });

  it('calls a number 工号 when the file does not say what kind it is', () => {
    expect(number((p) => delete p.staff.numberLabel)).toBe('工号 063118');
  });

  it('prints no number line for someone without a number', () => {
    expect(number((p) => delete p.staff.number)).toBe('');
  });
});

describe('the version code of a printed view', () => {
  it('counts each record by its values in order, not by the names of its fields', () => {
    expect(sheetCode({ staff: [{ name: '赵建军', window: '31' }] })).toBe(sheetCode({ staff: [{ who: '赵建军', at: '31' }] }));
    expect(sheetCode({ staff: [{ name: '赵建军', window: '31' }] })).not.toBe(sheetCode({ staff: [{ name: '31', window: '赵建军' }] }));
  });

  it('names the top-level fields, which the notes on the page name', () => {
    expect(sheetCode({ name: '赵建军' })).not.toBe(sheetCode({ post: '赵建军' }));
  });

  it('is the code the view had when its records were written as lists, so sheets printed before keep theirs', () => {
    const named = { unit: { parent: '青溪县政务服务中心', name: '公安户政窗口' }, steps: [{ name: '缴费', optional: false, alternatives: [{ name: '自助机缴费', where: '' }] }] };
    const lists = { unit: ['青溪县政务服务中心', '公安户政窗口'], steps: [['缴费', false, [['自助机缴费', '']]]] };
    expect(sheetCode(named)).toBe(versionCode(lists));
  });
});

describe('every sheet of a unit', () => {
  it('is read only as the format it is', () => {
    const sheets = unitSheets(unitOf(base()), photoId, TODAY);
    const board = sheets.find((s) => s.key === 'board:huzheng');
    expect(board && viewOf(board, 'board').unit.name).toBe('公安户政窗口');
    expect(() => board && viewOf(board, 'procedure')).toThrow(/board/);
  });

  it('finds the picture of every photo it prints by the identity it hashes', () => {
    const unit = unitOf(base());
    const sheets = unitSheets(unit, photoId, TODAY);
    const board = sheets.find((s) => s.key === 'board:huzheng');
    const badge = sheets.find((s) => s.key === 'badge:huzheng/zhao-jianjun');
    const ids = [...(board ? viewOf(board, 'board').staff.map((s) => s.photo) : []), ...(badge ? [viewOf(badge, 'badges').photo] : [])];
    expect(ids).toEqual(['photo:./zhao.jpg', 'photo:./zhao.jpg']);
    for (const id of ids) expect(board?.photos?.get(id)?.data.photo).toBe('./zhao.jpg');
    expect(badge?.photos?.get(ids[1] ?? '')?.data.photo).toBe('./zhao.jpg');
  });

  it('is computed as printed on the given day', () => {
    const parts = base();
    parts.pledges['2027'] = { title: '2027 年度服务承诺', year: 2027, by: { type: 'unit' }, items: [{ text: '新年承诺', deadline: '2027-06-30', status: 'not-started' }] };
    const board = (today: string) => unitSheets(unitOf(parts, today), photoId, today).find((s) => s.key === 'board:huzheng')?.code;
    expect(board('2026-12-31')).not.toBe(board('2027-01-01'));
  });
});
