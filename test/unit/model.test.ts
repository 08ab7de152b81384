import { describe, expect, it } from 'vitest';
import { buildModel, type ContentEntries, type Entry, type SiteModel, type UnitModel } from '#lib/model.ts';
import type { EvaluationData } from '#schemas/evaluation.ts';
import type { NoticeData } from '#schemas/notice.ts';
import type { PledgeData, PledgeItem } from '#schemas/pledge.ts';
import type { PostData } from '#schemas/post.ts';
import type { ProcedureData } from '#schemas/procedure.ts';
import type { SiteData } from '#schemas/site.ts';
import type { StaffData } from '#schemas/staff.ts';
import { UNIT_KINDS, type UnitData } from '#schemas/unit.ts';

/* Small in-memory content, shaped like the schemas' output. Photos are plain strings. */

const TODAY = '2026-11-22';

type Hours = NonNullable<UnitData['hours']>;
const hoursOf = (times: string, holidays = '法定节假日休息'): Hours => ({ regular: [{ days: '周一至周五', times: [times] }], holidays });
const SITE_HOURS = hoursOf('08:30-17:00');

function site(overrides: Partial<SiteData<string>> = {}): SiteData<string> {
  return {
    name: '青溪县公共服务窗口公开平台',
    shortName: '青溪县',
    url: 'https://www.qingxi.gov.cn/gongkai/',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    phone: '0571-0000 0000',
    supervision: [
      { type: 'hotline', value: '12345' },
      { type: 'complaint-phone', value: '0571-1111 1111' },
    ],
    hours: SITE_HOURS,
    ...overrides,
  };
}

function unit(id: string, overrides: Partial<UnitData<string>> = {}): Entry<UnitData<string>> {
  return {
    id,
    file: `units/${id}/unit.yaml`,
    data: {
      name: `单位${id}`,
      kind: 'hospital-department',
      parent: '青溪县人民医院',
      summary: '负责门诊挂号、收费和咨询',
      location: { building: '门诊楼', floor: '一楼' },
      ...overrides,
    },
  };
}

function procedure(unitId: string, slug: string, overrides: Partial<ProcedureData> = {}): Entry<ProcedureData> {
  return {
    id: `${unitId}/${slug}`,
    file: `units/${unitId}/procedures/${slug}.md`,
    data: {
      code: '330122-001-XK-0012',
      name: `事项${slug}`,
      summary: '一句话说明',
      eligibility: ['本县居民'],
      materials: [],
      steps: [{ name: '窗口受理' }],
      timeLimit: { statutory: 5, statutoryUnit: 'working-days', promised: 'on-the-spot', promisedUnit: 'working-days' },
      visits: 1,
      fee: '不收费',
      legalBasis: ['《某某条例》第十条'],
      ...overrides,
    },
  };
}

function staff(unitId: string, slug: string, overrides: Partial<StaffData<string>> = {}): Entry<StaffData<string>> {
  return {
    id: `${unitId}/${slug}`,
    file: `units/${unitId}/staff/${slug}.yaml`,
    data: { name: slug, photo: `./${slug}.jpg`, post: 'daoyi', onDuty: true, ...overrides },
  };
}

function post(unitId: string, slug: string, overrides: Partial<PostData> = {}): Entry<PostData> {
  return {
    id: `${unitId}/${slug}`,
    file: `units/${unitId}/posts/${slug}.yaml`,
    data: {
      name: `岗位${slug}`,
      duties: ['引导患者'],
      requirements: ['着装规范'],
      timeLimits: ['首问负责'],
      phrases: ['您好'],
      complaint: { department: '医务科', phone: '0571-5555 5555' },
      ...overrides,
    },
  };
}

const keptItem = (deadline: string): PledgeItem => ({ text: '承诺', deadline, status: 'kept', evidence: '已完成', date: deadline });
const openItem = (deadline: string, status: 'not-started' | 'in-progress'): PledgeItem => ({ text: '承诺', deadline, status });

function pledge(unitId: string, slug: string, overrides: Partial<PledgeData> = {}): Entry<PledgeData> {
  return {
    id: `${unitId}/${slug}`,
    file: `units/${unitId}/pledges/${slug}.yaml`,
    data: { title: `承诺${slug}`, year: 2026, by: { type: 'unit' }, items: [keptItem('2026-06-30')], ...overrides },
  };
}

function evaluation(unitId: string, slug: string, end: string, satisfaction: number, overrides: Partial<EvaluationData> = {}): Entry<EvaluationData> {
  const below = satisfaction < 80 ? { explanation: '高峰排队较长', measures: ['增开窗口'] } : {};
  return {
    id: `${unitId}/${slug}`,
    file: `units/${unitId}/evaluations/${slug}.yaml`,
    data: { period: slug, start: `${end.slice(0, 4)}-01-01`, end, satisfaction, responses: 100, ...below, ...overrides },
  };
}

function notice(slug: string, date: string, overrides: Partial<NoticeData> = {}): Entry<NoticeData> {
  return { id: slug, file: `notices/${slug}.md`, data: { type: 'notice', title: `公告${slug}`, date, ...overrides } };
}

function content(parts: Partial<ContentEntries<string>> = {}): ContentEntries<string> {
  return {
    site: site(),
    siteFile: 'site.yaml',
    units: [],
    procedures: [],
    staff: [],
    posts: [],
    pledges: [],
    evaluations: [],
    notices: [],
    ...parts,
  };
}

const noDates = (): string | undefined => undefined;

function build(parts: Partial<ContentEntries<string>>, dateOf: (file: string) => string | undefined = noDates): SiteModel<string> {
  return buildModel(content(parts), TODAY, dateOf);
}

function unitIn(model: SiteModel<string>, id: string): UnitModel<string> {
  const found = model.units.find((u) => u.id === id);
  if (!found) throw new Error(`no unit ${id} in the model`);
  return found;
}

describe('buildModel', () => {
  describe('units', () => {
    it('groups units by kind in the order the schema lists the kinds, leaving out empty kinds', () => {
      const model = build({
        units: [
          unit('zhan', { kind: 'station' }),
          unit('dating', { kind: 'service-hall-window' }),
          unit('menzhen', { kind: 'hospital-department' }),
          unit('yaofang', { kind: 'hospital-department' }),
        ],
      });
      expect(model.groups.map((g) => g.kind)).toEqual(['hospital-department', 'service-hall-window', 'station']);
      expect(model.groups.map((g) => g.label)).toEqual([UNIT_KINDS['hospital-department'], UNIT_KINDS['service-hall-window'], UNIT_KINDS.station]);
      expect(model.groups[0]?.units.map((u) => u.id).sort()).toEqual(['menzhen', 'yaofang']);
    });

    it('sorts the units of a group by order, then by name in pinyin order', () => {
      const model = build({
        units: [unit('c', { name: '张家科室' }), unit('a', { name: '李家科室', order: 2 }), unit('b', { name: '安家科室' }), unit('d', { name: '王家科室', order: 1 })],
      });
      expect(model.groups[0]?.units.map((u) => u.data.name)).toEqual(['王家科室', '李家科室', '安家科室', '张家科室']);
      expect(model.units.map((u) => u.data.name)).toEqual(['王家科室', '李家科室', '安家科室', '张家科室']);
    });

    it('resolves the unit hours and phone from the unit, else from the site', () => {
      const ownHours = hoursOf('07:30-16:30');
      const model = build({ units: [unit('own', { hours: ownHours, phone: '0571-2222 2222' }), unit('plain')] });
      expect(unitIn(model, 'own').hours).toEqual(ownHours);
      expect(unitIn(model, 'own').phone).toBe('0571-2222 2222');
      expect(unitIn(model, 'plain').hours).toEqual(SITE_HOURS);
      expect(unitIn(model, 'plain').phone).toBe('0571-0000 0000');
    });

    it('resolves unit channels against the site channels', () => {
      const model = build({
        units: [
          unit('add', { supervision: { mode: 'add', channels: [{ type: 'supervision-phone', value: '0571-3333 3333' }] } }),
          unit('replace', { supervision: { mode: 'replace', channels: [{ type: 'supervision-phone', value: '0571-3333 3333' }] } }),
          unit('plain'),
        ],
      });
      expect(unitIn(model, 'add').channels.map((c) => c.value)).toEqual(['0571-3333 3333', '12345', '0571-1111 1111']);
      expect(unitIn(model, 'replace').channels.map((c) => c.value)).toEqual(['0571-3333 3333']);
      expect(unitIn(model, 'plain').channels.map((c) => c.value)).toEqual(['12345', '0571-1111 1111']);
      expect(model.channels.map((c) => c.value)).toEqual(['12345', '0571-1111 1111']);
    });
  });

  describe('staff', () => {
    it.each([
      ['has not left', undefined, true],
      ['leaves tomorrow', '2026-11-23', true],
      ['left today', TODAY, false],
      ['left yesterday', '2026-11-21', false],
      ['left last year', '2025-03-01', false],
    ])('shows a member of staff who %s on the board: %s', (_when, left, shown) => {
      const model = build({ units: [unit('u')], staff: [staff('u', 'wang', left === undefined ? {} : { left })] });
      expect(unitIn(model, 'u').staff.map((s) => s.slug)).toEqual(shown ? ['wang'] : []);
    });

    it('sorts staff by order, then by name in pinyin order', () => {
      const model = build({
        units: [unit('u')],
        staff: [staff('u', 'zhang', { name: '张伟' }), staff('u', 'an', { name: '安琪' }), staff('u', 'li', { name: '李娜', order: 1 })],
      });
      expect(unitIn(model, 'u').staff.map((s) => s.data.name)).toEqual(['李娜', '安琪', '张伟']);
    });

    it('gives each member of staff their unit, slug and post name, falling back to the post slug', () => {
      const model = build({
        units: [unit('u')],
        posts: [post('u', 'daoyi', { name: '导医岗' })],
        staff: [staff('u', 'wang', { post: 'daoyi' }), staff('u', 'li', { post: 'missing' })],
      });
      const byslug = new Map(unitIn(model, 'u').staff.map((s) => [s.slug, s]));
      expect(byslug.get('wang')?.postName).toBe('导医岗');
      expect(byslug.get('wang')?.unit).toBe('u');
      expect(byslug.get('li')?.postName).toBe('missing');
    });

    it('keeps each unit’s staff apart', () => {
      const model = build({ units: [unit('a'), unit('b')], staff: [staff('a', 'wang'), staff('b', 'li')] });
      expect(unitIn(model, 'a').staff.map((s) => s.id)).toEqual(['a/wang']);
      expect(unitIn(model, 'b').staff.map((s) => s.id)).toEqual(['b/li']);
    });
  });

  describe('posts', () => {
    it('gives each post the staff on the board who hold it', () => {
      const model = build({
        units: [unit('u')],
        posts: [post('u', 'shoufei', { name: '收费岗' }), post('u', 'daoyi', { name: '导医岗', order: 1 })],
        staff: [
          staff('u', 'wang', { name: '王芳', post: 'daoyi' }),
          staff('u', 'an', { name: '安琪', post: 'daoyi' }),
          staff('u', 'li', { name: '李娜', post: 'shoufei' }),
          staff('u', 'zhao', { name: '赵强', post: 'shoufei', left: '2026-01-01' }),
        ],
      });
      const posts = unitIn(model, 'u').posts;
      expect(posts.map((p) => p.slug)).toEqual(['daoyi', 'shoufei']);
      expect(posts[0]?.staff.map((s) => s.data.name)).toEqual(['安琪', '王芳']);
      expect(posts[1]?.staff.map((s) => s.data.name)).toEqual(['李娜']);
    });
  });

  describe('procedures', () => {
    it('uses the procedure’s own place, hours and phones when it has them', () => {
      const ownHours = hoursOf('08:00-11:30');
      const model = build({
        units: [unit('u', { phone: '0571-2222 2222', hours: hoursOf('07:30-16:30') })],
        procedures: [procedure('u', 'p', { place: '二楼 8 号窗口', hours: ownHours, phones: { consult: '0571-6666 6666', complaint: '0571-7777 7777' } })],
      });
      const p = unitIn(model, 'u').procedures[0];
      expect(p?.place).toBe('二楼 8 号窗口');
      expect(p?.hours).toEqual(ownHours);
      expect(p?.consultPhone).toBe('0571-6666 6666');
      expect(p?.complaintPhone).toBe('0571-7777 7777');
    });

    it('falls back to the unit’s location, hours and phone', () => {
      const unitHours = hoursOf('07:30-16:30');
      const model = build({
        units: [unit('u', { location: { building: '门诊楼', floor: '一楼', windows: ['1', '2'] }, phone: '0571-2222 2222', hours: unitHours })],
        procedures: [procedure('u', 'p')],
      });
      const p = unitIn(model, 'u').procedures[0];
      expect(p?.place).toBe('门诊楼一楼 1、2 号窗口');
      expect(p?.hours).toEqual(unitHours);
      expect(p?.consultPhone).toBe('0571-2222 2222');
    });

    it('falls back to the site’s hours and phone when neither the procedure nor the unit has them', () => {
      const model = build({ units: [unit('u')], procedures: [procedure('u', 'p')] });
      const p = unitIn(model, 'u').procedures[0];
      expect(p?.hours).toEqual(SITE_HOURS);
      expect(p?.consultPhone).toBe('0571-0000 0000');
    });

    it.each([
      ['windows only', { windows: ['5'] }, '5 号窗口'],
      ['an address only', { address: '青溪县人民路 88 号' }, '青溪县人民路 88 号'],
      ['nothing', {}, '单位u'],
    ])('places a procedure of a unit whose location has %s at %s', (_what, location, expected) => {
      const model = build({ units: [unit('u', { location })], procedures: [procedure('u', 'p')] });
      expect(unitIn(model, 'u').procedures[0]?.place).toBe(expected);
    });

    it('takes the complaint phone from the unit’s channels: a complaint line first, then a supervision line', () => {
      const model = build({
        site: site({
          supervision: [
            { type: 'hotline', value: '12345' },
            { type: 'complaint-phone', value: '0571-1111 1111' },
          ],
        }),
        units: [
          unit('plain'),
          unit('added', { supervision: { mode: 'add', channels: [{ type: 'supervision-phone', value: '0571-3333 3333' }] } }),
          unit('replaced', { supervision: { mode: 'replace', channels: [{ type: 'supervision-phone', value: '0571-3333 3333' }] } }),
          unit('hotline', { supervision: { mode: 'replace', channels: [{ type: 'hotline', value: '0571-4444 4444' }] } }),
          unit('none', { supervision: { mode: 'replace', channels: [{ type: 'suggestion-box', value: '大厅' }] } }),
        ],
        procedures: ['plain', 'added', 'replaced', 'hotline', 'none'].map((u) => procedure(u, 'p')),
      });
      const phoneOf = (id: string) => unitIn(model, id).procedures[0]?.complaintPhone;
      expect(phoneOf('plain')).toBe('0571-1111 1111');
      expect(phoneOf('added')).toBe('0571-1111 1111');
      expect(phoneOf('replaced')).toBe('0571-3333 3333');
      expect(phoneOf('hotline')).toBe('0571-4444 4444');
      expect(phoneOf('none')).toBeUndefined();
    });

    it('sorts procedures by order, then by name in pinyin order, and gives each its slug and unit', () => {
      const model = build({
        units: [unit('u')],
        procedures: [procedure('u', 'z', { name: '住院登记' }), procedure('u', 'a', { name: '挂号' }), procedure('u', 'b', { name: '补办病历', order: 1 })],
      });
      const list = unitIn(model, 'u').procedures;
      expect(list.map((p) => p.data.name)).toEqual(['补办病历', '挂号', '住院登记']);
      expect(list.map((p) => p.slug)).toEqual(['b', 'a', 'z']);
      expect(list.every((p) => p.unit === 'u')).toBe(true);
    });
  });

  describe('pledges', () => {
    const parts = (): Partial<ContentEntries<string>> => ({
      units: [unit('u', { name: '门诊服务中心' })],
      posts: [post('u', 'daoyi', { name: '导医岗' })],
      staff: [staff('u', 'zhang-xiaoming', { name: '张晓明', post: 'daoyi' })],
    });

    it('reads a staff pledge’s pledger as the name with the post name in brackets', () => {
      const model = build({ ...parts(), pledges: [pledge('u', 'p', { by: { type: 'staff', staff: 'zhang-xiaoming' } })] });
      const p = unitIn(model, 'u').pledges[0];
      expect(p?.pledger).toBe('张晓明（导医岗）');
      expect(p?.pledgerStaff).toBe('zhang-xiaoming');
    });

    it('reads a party-branch pledge’s pledger as the branch name', () => {
      const model = build({ ...parts(), pledges: [pledge('u', 'p', { by: { type: 'party-branch', name: '门诊党支部' } })] });
      const p = unitIn(model, 'u').pledges[0];
      expect(p?.pledger).toBe('门诊党支部');
      expect(p && 'pledgerStaff' in p).toBe(false);
    });

    it('reads a unit pledge’s pledger as the unit name', () => {
      const model = build({ ...parts(), pledges: [pledge('u', 'p', { by: { type: 'unit' } })] });
      expect(unitIn(model, 'u').pledges[0]?.pledger).toBe('门诊服务中心');
    });

    it('counts items by status and counts the unsettled ones past their deadline as overdue', () => {
      const model = build({
        ...parts(),
        pledges: [
          pledge('u', 'p', {
            items: [
              openItem('2026-11-21', 'not-started'),
              openItem('2026-10-31', 'in-progress'),
              openItem(TODAY, 'in-progress'),
              openItem('2026-12-31', 'not-started'),
              keptItem('2026-06-30'),
            ],
          }),
        ],
      });
      const p = unitIn(model, 'u').pledges[0];
      expect(p?.overdue).toBe(2);
      expect(p?.counts).toEqual({ 'not-started': 2, 'in-progress': 2, kept: 1, 'not-kept': 0, 'not-published': 0, unfilled: 0 });
    });

    it('lists the newest year’s pledges first', () => {
      const model = build({ ...parts(), pledges: [pledge('u', 'old', { year: 2025 }), pledge('u', 'new', { year: 2026 })] });
      expect(unitIn(model, 'u').pledges.map((p) => p.slug)).toEqual(['new', 'old']);
    });

    it('within a year puts pledges with an order first, like every other list', () => {
      const model = build({ ...parts(), pledges: [pledge('u', 'none'), pledge('u', 'second', { order: 2 }), pledge('u', 'first', { order: 1 })] });
      expect(unitIn(model, 'u').pledges.map((p) => p.slug)).toEqual(['first', 'second', 'none']);
    });
  });

  describe('evaluations', () => {
    it('lists evaluations newest period first', () => {
      const model = build({
        units: [unit('u')],
        evaluations: [evaluation('u', 'q2', '2026-06-30', 90), evaluation('u', 'q3', '2026-09-30', 90), evaluation('u', 'q1', '2026-03-31', 90)],
      });
      expect(unitIn(model, 'u').evaluations.map((e) => e.slug)).toEqual(['q3', 'q2', 'q1']);
    });

    it.each([
      [79.9, true],
      [50, true],
      [80, false],
      [80.1, false],
      [100, false],
    ])('judges a satisfaction of %d as below the threshold: %s', (satisfaction, below) => {
      const model = build({ units: [unit('u')], evaluations: [evaluation('u', 'q3', '2026-09-30', satisfaction)] });
      expect(unitIn(model, 'u').evaluations[0]?.belowThreshold).toBe(below);
    });

    it('names award winners by staff slug', () => {
      const model = build({
        units: [unit('u')],
        staff: [staff('u', 'wang', { name: '王芳' })],
        evaluations: [evaluation('u', 'q3', '2026-09-30', 95, { awards: [{ name: '服务之星', staff: 'wang' }] })],
      });
      expect(unitIn(model, 'u').evaluations[0]?.names['wang']).toBe('王芳');
    });
  });

  describe('notices', () => {
    it('drops notices that are not yet published: plain ones dated in the future and publicity periods not yet started', () => {
      const model = build({
        notices: [
          notice('today', TODAY),
          notice('tomorrow', '2026-11-23'),
          notice('later', '2026-11-20', { type: 'publicity', period: { start: '2026-11-23', end: '2026-11-30' } }),
        ],
      });
      expect(model.notices.map((n) => n.id)).toEqual(['today']);
    });

    it('lists pinned notices first, then the newest first', () => {
      const model = build({
        notices: [
          notice('old', '2026-01-10'),
          notice('pinned-old', '2025-12-01', { pinned: true }),
          notice('new', '2026-11-20'),
          notice('pinned-new', '2026-02-01', { pinned: true }),
          notice('middle', '2026-06-01', { pinned: false }),
        ],
      });
      expect(model.notices.map((n) => n.id)).toEqual(['pinned-new', 'pinned-old', 'new', 'middle', 'old']);
    });

    it('judges each notice’s state against today', () => {
      const model = build({
        notices: [
          notice('plain', '2026-11-01'),
          notice('open', '2026-11-18', { type: 'publicity', period: { start: '2026-11-18', end: TODAY } }),
          notice('ended', '2026-11-10', { type: 'publicity', period: { start: '2026-11-10', end: '2026-11-21' } }),
        ],
      });
      expect(Object.fromEntries(model.notices.map((n) => [n.id, n.state]))).toEqual({ plain: 'published', open: 'open', ended: 'ended' });
    });

    it('keeps ended notices but leaves them out of the current notices', () => {
      const model = build({
        notices: [
          notice('plain', '2026-11-01'),
          notice('open', '2026-11-18', { type: 'publicity', period: { start: '2026-11-18', end: TODAY } }),
          notice('ended', '2026-11-10', { type: 'publicity', period: { start: '2026-11-10', end: '2026-11-21' } }),
        ],
      });
      expect(model.notices.map((n) => n.id)).toEqual(['open', 'ended', 'plain']);
      expect(model.currentNotices.map((n) => n.id)).toEqual(['open', 'plain']);
    });

    it('resolves the name of a notice’s unit and lists the notice on that unit', () => {
      const model = build({
        units: [unit('menzhen', { name: '门诊服务中心' }), unit('yaofang')],
        notices: [notice('a', '2026-11-01', { unit: 'menzhen' }), notice('b', '2026-11-02')],
      });
      const byId = new Map(model.notices.map((n) => [n.id, n]));
      expect(byId.get('a')?.unit).toEqual({ id: 'menzhen', name: '门诊服务中心' });
      const plain = byId.get('b');
      expect(plain).toBeDefined();
      expect(plain?.unit).toBeUndefined();
      expect(unitIn(model, 'menzhen').notices.map((n) => n.id)).toEqual(['a']);
      expect(unitIn(model, 'yaofang').notices).toEqual([]);
    });

    it('names a notice’s unit by its id when there is no such unit', () => {
      const model = build({ notices: [notice('a', '2026-11-01', { unit: 'gone' })] });
      expect(model.notices[0]?.unit).toEqual({ id: 'gone', name: 'gone' });
    });
  });

  describe('updated dates', () => {
    const dates: Record<string, string> = {
      'site.yaml': '2026-01-01',
      'units/u/unit.yaml': '2026-02-01',
      'units/u/procedures/p.md': '2026-09-15',
      'units/u/staff/wang.yaml': '2026-03-01',
      'units/u/posts/daoyi.yaml': '2026-04-01',
      'units/u/pledges/p.yaml': '2026-05-01',
      'units/u/evaluations/q3.yaml': '2026-10-08',
      'notices/n.md': '2026-11-20',
    };
    const dateOf = (file: string) => dates[file];
    const fullUnit = (): Partial<ContentEntries<string>> => ({
      units: [unit('u')],
      procedures: [procedure('u', 'p')],
      staff: [staff('u', 'wang')],
      posts: [post('u', 'daoyi')],
      pledges: [pledge('u', 'p')],
      evaluations: [evaluation('u', 'q3', '2026-09-30', 95)],
    });

    it('counts a member of staff leaving and a unit notice as changes to the unit', () => {
      const dates: Record<string, string> = { 'units/u/unit.yaml': '2026-01-01', 'units/u/staff/gone.yaml': '2026-10-31', 'notices/n.md': '2026-11-18' };
      const withLeaver = build({ units: [unit('u')], staff: [staff('u', 'gone', { left: '2026-10-31' })] }, (f) => dates[f]);
      expect(unitIn(withLeaver, 'u').staff).toEqual([]);
      expect(unitIn(withLeaver, 'u').updated).toBe('2026-10-31');
      const withNotice = build({ units: [unit('u')], notices: [notice('n', '2026-11-18', { unit: 'u' })] }, (f) => dates[f]);
      expect(unitIn(withNotice, 'u').updated).toBe('2026-11-18');
    });

    it('dates each item by its file when it has no updated field', () => {
      const u = unitIn(build(fullUnit(), dateOf), 'u');
      expect(u.procedures[0]?.updated).toBe('2026-09-15');
      expect(u.staff[0]?.updated).toBe('2026-03-01');
      expect(u.posts[0]?.updated).toBe('2026-04-01');
      expect(u.pledges[0]?.updated).toBe('2026-05-01');
      expect(u.evaluations[0]?.updated).toBe('2026-10-08');
    });

    it('prefers an explicit updated field over the file date, even when the file date is later', () => {
      const parts = fullUnit();
      parts.procedures = [procedure('u', 'p', { updated: '2026-07-01' })];
      const u = unitIn(build(parts, dateOf), 'u');
      expect(u.procedures[0]?.updated).toBe('2026-07-01');
    });

    it('dates a unit by the latest of its own date and its items’ dates', () => {
      expect(unitIn(build(fullUnit(), dateOf), 'u').updated).toBe('2026-10-08');
    });

    it('dates a unit by its own date when that is the latest', () => {
      const parts = fullUnit();
      parts.units = [unit('u', { updated: '2026-11-01' })];
      expect(unitIn(build(parts, dateOf), 'u').updated).toBe('2026-11-01');
    });

    it('uses explicit updated fields instead of file dates when dating a unit', () => {
      const parts = fullUnit();
      parts.procedures = [procedure('u', 'p', { updated: '2026-01-15' })];
      parts.evaluations = [evaluation('u', 'q3', '2026-09-30', 95, { updated: '2026-01-20' })];
      expect(unitIn(build(parts, dateOf), 'u').updated).toBe('2026-05-01');
    });

    it('leaves a unit undated when nothing has a date', () => {
      expect(unitIn(build(fullUnit()), 'u').updated).toBeUndefined();
    });

    it('dates the site by the latest of the site file, its units and its notices', () => {
      const parts = fullUnit();
      expect(build(parts, dateOf).updated).toBe('2026-10-08');
      expect(build({ ...parts, notices: [notice('n', '2026-11-19')] }, dateOf).updated).toBe('2026-11-20');
      expect(build({}, dateOf).updated).toBe('2026-01-01');
      expect(build({ site: site({ updated: '2026-11-21' }) }, dateOf).updated).toBe('2026-11-21');
    });
  });

  it('passes through the site settings and today', () => {
    const settings = site();
    const model = buildModel(content({ site: settings }), TODAY, noDates);
    expect(model.site).toBe(settings);
    expect(model.today).toBe(TODAY);
  });
});
