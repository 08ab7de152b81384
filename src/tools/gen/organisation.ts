/**
 * A synthetic organisation of N window units, as text files: what
 * `npm run gen` writes (photos apart, see ./photos.ts). Ten units make a
 * county (one of each type in ./domains.ts), ten counties a city. Unit `i`
 * comes out the same whether 20 or 3,500 units are asked for, because every
 * unit draws from its own named random stream.
 *
 * Pure: returns paths and contents; nothing is written here.
 */
import { pinyin } from 'pinyin-pro';
import { UNIT_TYPES, type ServiceSeed, type UnitTypeSeed } from './domains.ts';
import { Random } from './random.ts';
import * as V from './vocab.ts';
import { toMarkdown, toYaml, type YamlValue } from './yaml.ts';

export interface GeneratedFile {
  path: string;
  text: string;
}

export interface GeneratedPerson {
  /** Content-relative path of the photo to draw. */
  photo: string;
  /** A stable seed for the photo. */
  seed: string;
  presentation: 'f' | 'm';
  attire: 'white-coat' | 'nurse' | 'suit' | 'shirt' | 'police';
}

export interface Organisation {
  files: GeneratedFile[];
  people: GeneratedPerson[];
  units: string[];
}

interface Place {
  name: string;
  slug: string;
}

/** A fictional two-syllable place name, never one in REAL_PLACES, unique among those already used. */
function placeName(rng: Random, used: Set<string>): string {
  for (;;) {
    const name = rng.pick(V.PLACE_FIRST) + rng.pick(V.PLACE_SECOND);
    if (!V.REAL_PLACES.has(name) && !used.has(name) && name[0] !== name[1]) {
      used.add(name);
      return name;
    }
  }
}

function slugOf(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Cities and counties for `units` units, drawn once from the seed so unit i's county never depends on N. */
function geography(seed: string, units: number) {
  const rng = new Random(`${seed}/places`);
  const used = new Set<string>();
  const counties: Array<{ county: Place; city: Place; area: string; street: string }> = [];
  // Two names can share their pinyin (青溪, 清溪): the second gets a number, so unit folders never collide.
  const slugs = new Set<string>();
  const uniqueSlug = (name: string) => {
    const base = slugOf(name);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}${n}`;
    slugs.add(slug);
    return slug;
  };
  let city: Place = { name: '', slug: '' };
  let area = '';
  for (let c = 0; c * UNIT_TYPES.length < units; c++) {
    if (c % 10 === 0) {
      const name = placeName(rng, used);
      city = { name: `${name}市`, slug: slugOf(name) };
      area = rng.pick(V.AREA_CODES);
    }
    const name = placeName(rng, used);
    const kind = c % 10 === 0 ? '区' : '县';
    counties.push({ county: { name: `${name}${kind}`, slug: uniqueSlug(name) }, city, area, street: `${rng.pick(V.STREET_WORDS)}${rng.pick(V.STREET_KINDS)}` });
  }
  return counties;
}

/** A landline: area code and eight digits, written the way the example content writes them. */
function landline(rng: Random, area: string): string {
  return `${area}-${rng.int(2, 8)}${String(rng.int(0, 999)).padStart(3, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

function personName(rng: Random, presentation: 'f' | 'm'): string {
  const surname = rng.chance(0.01) ? rng.pick(V.COMPOUND_SURNAMES) : (V.SURNAMES[Math.floor(rng.next() ** 2 * V.SURNAMES.length)] as string);
  const given = presentation === 'f' ? V.GIVEN_F : V.GIVEN_M;
  const first = rng.chance(0.3) ? rng.pick(V.GIVEN_ANY) : rng.pick(given);
  return rng.chance(0.25) ? surname + first : surname + first + rng.pick(given);
}

const fill = (template: string, rng: Random, extra: Record<string, string> = {}) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key in extra) return extra[key] as string;
    switch (key) {
      case 'minutes':
        return String(rng.pick([10, 15, 20, 30]));
      case 'smallMinutes':
        return String(rng.int(5, 12));
      case 'bigMinutes':
        return String(rng.int(25, 45));
      case 'percent':
        return String(rng.pick([90, 95, 98]));
      case 'highPercent':
        return String(rng.int(96, 99));
      case 'lowPercent':
        return String(rng.int(60, 85));
      case 'percentSmall':
        return String(rng.int(10, 30));
      case 'month':
        return String(rng.int(3, 10));
      case 'count':
        return String(rng.int(20, 300));
      case 'people':
        return String(rng.int(100, 3000));
      case 'few':
        return String(rng.int(2, 6));
      case 'hours':
        return String(rng.pick([40, 60, 80]));
      case 'fewHours':
        return String(rng.int(20, 35));
      case 'years':
        return String(rng.int(3, 25));
      case 'year':
        return String(rng.int(2019, 2025));
      default:
        return key;
    }
  });

/** Pledges a unit keeps for as long as it exists, with no deadline. */
const STANDING_PLEDGES = ['首问负责，一次性告知所需材料', '群众来办事不让跑冤枉路', '节假日安排值班人员，急事急办', '老年人、残疾人优先办理并提供帮办'] as const;

function procedure(
  rng: Random,
  unit: UnitTypeSeed,
  service: ServiceSeed,
  ctx: { place: string; county: string; area: string; windows: string[]; index: number; countyCode: string },
): { path: string; text: string } {
  const form = () => rng.pick(['original', 'original-and-copy', 'copy'] as const);
  const materials: YamlValue[] = [
    { name: '申请人有效身份证件', form: '原件', note: rng.pick(['在有效期内', '居民身份证、护照等均可', '代办的还需代办人身份证件']) },
    ...service.materials.map((m, i) => ({
      name: m,
      form: form() === 'original' ? '原件' : form() === 'copy' ? '复印件' : '原件和复印件',
      ...(i === service.materials.length - 1 && rng.chance(0.4) ? { required: false, condition: rng.pick(['委托他人办理的', '材料已在系统中可以查到的免交', '首次办理的']) } : {}),
    })),
  ];
  const window = rng.pick(ctx.windows);
  const steps: YamlValue[] = [
    { name: rng.pick(['取号', '预约或取号', '现场取号']), where: `${ctx.place}取号机`, ...(rng.chance(0.5) ? { description: '也可以通过微信公众号预约' } : {}) },
    { name: rng.pick(['窗口受理', '提交材料', '受理审核']), where: `${ctx.place} ${window} 号窗口`, who: rng.pick(unit.posts) },
    ...(service.statutory === 'on-the-spot' ? [] : [{ name: rng.pick(['审核办理', '审查决定', '后台审核']), who: rng.pick(['审核人员', '业务科室', '窗口负责人']) }]),
    {
      name: rng.pick(['领取结果', '出证发证', '送达结果']),
      where: `${ctx.place} ${rng.pick(ctx.windows)} 号窗口`,
      ...(rng.chance(0.5) ? { alternatives: [{ name: '邮寄送达', description: '寄递费用由政府承担' }] } : {}),
    },
  ];
  const promised = service.statutory === 'on-the-spot' ? 'on-the-spot' : rng.chance(0.4) ? 'on-the-spot' : Math.max(1, Math.floor(service.statutory / rng.int(2, 4)));
  const promisedText = promised === 'on-the-spot' ? '当场办结' : `${promised} 个工作日`;
  const tips = rng.sample(V.TIPS_COMMON, rng.int(2, 4));
  const faq = rng.sample(V.FAQ_COMMON, rng.int(2, 3)).map(([q, a]) => ({
    q: fill(q, rng, { name: service.name }),
    a: fill(a, rng, {
      name: service.name,
      promised: promisedText,
      feeAnswer: service.fee ? `收取${service.fee.name} ${service.fee.amount}，依据是${service.fee.basis}。` : '不收费。',
      online: `${ctx.county}政务服务网`,
      weekendAnswer: rng.chance(0.5) ? '周六上午可以办理，周日休息。' : '周末不办公，可以先在网上提交申请。',
    }),
  }));
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const data: Record<string, YamlValue> = {
    code: `${ctx.countyCode}-${unit.numberPrefix}-${String(ctx.index + 1).padStart(4, '0')}`,
    name: service.name,
    summary: `${rng.pick(['本窗口受理', '为群众办理', '负责'])}${service.name}${rng.pick(['，材料齐全的按承诺时限办结。', '，办结后发给' + service.result + '。', '，符合条件的可以网上申请。', '，老年人、残疾人可预约帮办。'])}`,
    category: service.category,
    audience: rng.pick(['个人', '个人', '个人和单位']),
    eligibility: rng.sample(
      [
        `${ctx.county}户籍居民或在本${ctx.county.endsWith('区') ? '区' : '县'}居住的人员`,
        '申请材料真实、齐全、符合法定形式',
        '本人或其法定代理人提出申请',
        `符合${service.name}有关规定的`,
      ],
      rng.int(1, 3),
    ),
    materials,
    steps,
    timeLimit: { statutory: service.statutory === 'on-the-spot' ? '当场办结' : service.statutory, promised: promised === 'on-the-spot' ? '当场办结' : promised },
    visits: promised === 'on-the-spot' ? 1 : rng.pick([0, 1, 1, 2]),
    fee: service.fee ? [{ name: service.fee.name, amount: service.fee.amount, basis: service.fee.basis }] : '不收费',
    result: service.result,
    legalBasis: [rng.pick(['《中华人民共和国行政许可法》', '《优化营商环境条例》', '《政务服务条例》（示例）', `《${unit.name.replace(/窗口|中心|门诊|处/g, '')}管理办法》`])],
    online: { url: `https://zwfw.${ctx.countyCode.toLowerCase()}.example/${service.slug}`, label: `${ctx.county}政务服务网` },
    faq,
    updated: `2026-11-${String(Math.min(Number(day), 20)).padStart(2, '0')}`,
  };
  addRealForms(data, rng.fork('real-forms'), {
    index: ctx.index,
    area: ctx.area,
    promised,
    statutory: service.statutory,
    place: `${ctx.place} ${window} 号窗口`,
    county: ctx.county,
  });
  const body = `## 温馨提示\n\n${tips.map((t) => `- ${t}`).join('\n')}\n`;
  return { path: service.slug, text: toMarkdown(data, body) };
}

/**
 * The forms real guides take (issue 15), each in a share of the procedures
 * chosen by the procedure's place in its unit's list, so that every unit,
 * however few are generated, has each of them: materials per kind of
 * applicant, any one of several identity documents, a waiting period, an
 * exception to the limit, a longer limit for other applicants, labelled
 * phones with an extension, summer and winter hours, and a second place
 * with hours, a phone and a note of its own. Details are drawn
 * from a stream of their own, so that the rest of the procedure is what it
 * was before these forms were added.
 */
function addRealForms(
  data: Record<string, YamlValue>,
  rng: Random,
  ctx: { index: number; area: string; promised: number | 'on-the-spot'; statutory: number | 'on-the-spot'; place: string; county: string },
): void {
  const i = ctx.index;
  const materials = data.materials as Array<Record<string, YamlValue>>;
  if (i % 6 === 5) {
    materials[0] = {
      name: '申请人有效身份证件',
      form: '原件',
      anyOf: [{ name: '居民身份证' }, { name: '临时居民身份证', note: '在有效期内' }, { name: rng.pick(['居民户口簿', '机动车驾驶证', '护照']) }],
    };
  }
  if (i % 4 === 1) {
    data.applicants = ['本人办理', '委托代办'];
    materials.push(
      { name: '授权委托书', form: '原件', applicants: ['委托代办'], note: rng.pick(['由申请人本人签字', '写明委托事项和期限']) },
      { name: '代办人居民身份证', form: '原件和复印件', copies: 1, originals: 1, applicants: ['委托代办'] },
    );
  }
  const timeLimit = data.timeLimit as Record<string, YamlValue>;
  if (i % 3 === 0) timeLimit.exception = rng.pick(['除省厅制卡时间外', '不含公告、鉴定时间', '不含邮寄送达时间', '不含申请人补正材料的时间']);
  if (i % 5 === 2) timeLimit.waiting = { after: '上次办理', days: rng.pick([5, 10, 20]), then: '方可再次申请' };
  // Done on the spot for residents, in some days for others (户籍 当场办结, 流动人口 5 个工作日), never beyond the statutory limit.
  if (i % 5 === 4 && typeof ctx.statutory === 'number') {
    const days = typeof ctx.promised === 'number' ? ctx.promised * 2 : rng.pick([3, 5, 10]);
    timeLimit.byApplicant = [{ applicant: rng.pick(['外地户籍人员', '流动人口']), promised: Math.min(ctx.statutory, days) }];
  }
  if (i % 3 === 2) {
    data.phones = [
      { label: '咨询', number: landline(rng, ctx.area) },
      { label: rng.pick(['预约', '进度查询']), number: `${landline(rng, ctx.area)} 转 ${rng.int(100, 899)}`, hours: '工作日 8:30-17:30' },
    ];
  }
  // Two places, the second (a branch) with its own summer and winter hours, phone with an extension, and note.
  if (i % 5 === 3) {
    const pr = rng.fork('places');
    const branch = pr.pick(['城东', '城西', '城南', '城北']);
    data.places = [
      { name: ctx.place, note: pr.pick(['本部办理', '县城片区群众在此办理']) },
      {
        name: `${ctx.county}${branch}便民服务分中心 ${pr.int(1, 6)} 号窗口`,
        address: `${ctx.county}${branch}${pr.pick(['新区大道', '人民路', '环城路'])} ${pr.int(2, 180)} 号`,
        hours: {
          seasons: [
            { name: '夏季', from: '05-01', to: '09-30', regular: [{ days: '周二、周四', times: ['08:30-12:00', '15:00-17:30'] }] },
            { name: '冬季', from: '10-01', to: '04-30', regular: [{ days: '周二、周四', times: ['08:30-12:00'] }], note: '冬季下午不对外' },
          ],
          holidays: '法定节假日不办理',
        },
        phone: `${landline(pr, ctx.area)} 转 ${pr.int(100, 899)}`,
        note: pr.pick([`${branch}片区乡镇群众就近办理`, '只受理，结果送回本部办结']),
      },
    ];
  }
  if (i % 4 === 3) {
    const afternoon = (end: string) => ({ days: '周一至周五', times: ['08:30-12:00', end] });
    data.hours = {
      seasons: [
        { name: '夏季', from: '05-01', to: '09-30', regular: [afternoon('14:30-18:00')] },
        { name: '冬季', from: '10-01', to: '04-30', regular: [afternoon('14:00-17:30')] },
      ],
      holidays: '法定节假日休息，调休上班日正常办公',
      note: rng.pick(['每月最后一个周五下午不对外办理', '中午 12:00-12:30 安排值班人员']),
    };
  }
}

export function generateOrganisationFiles(options: { units: number; seed?: string }): Organisation {
  const seed = options.seed ?? 'siliang';
  const root = new Random(seed);
  const counties = geography(seed, options.units);
  const files: GeneratedFile[] = [];
  const people: GeneratedPerson[] = [];
  const unitIds: string[] = [];
  const province = root.fork('province').pick(V.PROVINCE_NAMES);
  const siteArea = counties[0]?.area ?? '0570';
  const siteRng = root.fork('site');
  files.push({
    path: 'site.yaml',
    text: toYaml({
      name: `${province}省窗口单位“四亮”公开平台`,
      shortName: `${province}省`,
      url: 'https://gongkai.siliang-bench.example/',
      phone: landline(siteRng, siteArea),
      supervision: [
        { type: '监督电话', name: '省纪委监委信访举报电话', value: landline(siteRng, siteArea) },
        { type: '服务热线', name: '12345 政务服务便民热线', value: '12345' },
      ],
      hours: { regular: [{ days: '周一至周五', times: ['08:30-12:00', '14:00-17:30'] }], holidays: '法定节假日休息' },
      updated: '2026-11-01',
    }),
  });

  for (let i = 0; i < options.units; i++) {
    const rng = root.fork(`unit:${i}`);
    const type = UNIT_TYPES[i % UNIT_TYPES.length] as UnitTypeSeed;
    const geo = counties[Math.floor(i / UNIT_TYPES.length)] as (typeof counties)[number];
    const county = geo.county.name;
    const countyCode = `${geo.city.slug.slice(0, 2)}${geo.county.slug.slice(0, 3)}`.toUpperCase();
    const id = `${geo.county.slug}-${type.slug}`;
    unitIds.push(id);
    const base = `units/${id}`;
    const town = `${geo.county.name.slice(0, -1)}${rng.pick(['城关', '城东', '城西', '新城'])}${rng.pick(V.TOWNSHIP_KINDS)}`;
    const parent = `${geo.city.name}${type.parent.replace('{county}', county).replace('{town}', town)}`;
    const floor = rng.pick(['一楼', '二楼', '三楼']);
    const firstWindow = rng.int(1, 40);
    const windows = Array.from({ length: rng.int(2, 4) }, (_, k) => String(firstWindow + k));
    const place = `${type.building}${floor}`;
    const complaintPhone = landline(rng, geo.area);
    const hospital = type.kind === 'hospital-department' || type.kind === 'public-health';
    files.push({
      path: `${base}/unit.yaml`,
      text: toYaml({
        name: type.name,
        shortName: type.name.replace(/窗口$/, ''),
        kind: {
          'hospital-department': '医院科室',
          'service-hall-window': '政务服务窗口',
          'bureau-counter': '部门服务窗口',
          'public-health': '公共卫生服务点',
          station: '基层站所',
          other: '其他窗口',
        }[type.kind],
        parent,
        summary: `负责${rng
          .sample(type.services, 3)
          .map((s) => s.name)
          .join('、')}等${type.services.length}项业务的受理和办理。`,
        location: {
          address: `${geo.city.name}${county}${geo.street}${rng.int(1, 299)}号`,
          building: type.building,
          floor,
          windows,
          directions: fill(rng.pick(V.DIRECTIONS), rng, { floor }),
        },
        phone: landline(rng, geo.area),
        hours: {
          regular: [
            { days: '周一至周五', times: hospital ? ['07:30-12:00', '13:30-17:30'] : ['08:30-12:00', '14:00-17:30'] },
            ...(rng.chance(0.4) ? [{ days: '周六', times: ['09:00-12:00'] }] : []),
          ],
          holidays: rng.pick(hospital ? V.HOSPITAL_HOLIDAYS : V.HOLIDAYS),
          ...(rng.chance(0.5) ? { note: rng.pick(V.HOURS_NOTES) } : {}),
        },
        ...(rng.chance(0.4) ? { plaques: [rng.pick(V.PLAQUES)] } : {}),
        supervision: { channels: [{ type: '投诉电话', name: `${parent}${rng.pick(['督查室', '办公室', '纪检监察室'])}`, value: complaintPhone }] },
        systems: rng.sample(hospital ? V.HOSPITAL_SYSTEMS : V.SERVICE_SYSTEMS, rng.int(3, 5)),
        updated: `2026-11-${String(rng.int(1, 20)).padStart(2, '0')}`,
      }),
    });

    // Ten services of the type's list, in the list's order.
    const services = rng.subset(type.services, 10);
    services.forEach((service, index) => {
      const p = procedure(rng.fork(`proc:${service.slug}`), type, service, { place, county, area: geo.area, windows, index, countyCode });
      files.push({ path: `${base}/procedures/${p.path}.md`, text: p.text });
    });

    // Posts, then ten people spread over them.
    const postSlugs = type.posts.map((_, k) => `gang-${k + 1}`);
    type.posts.forEach((post, k) => {
      files.push({
        path: `${base}/posts/${postSlugs[k]}.yaml`,
        text: toYaml({
          name: post,
          duties: rng.sample(services, rng.int(2, 4)).map((s) => `负责${s.name}的${rng.pick(['受理和审核', '咨询解答和材料初审', '受理、审核和结果送达', '办理和档案整理'])}`),
          requirements: rng.sample(V.REQUIREMENTS, rng.int(3, 5)),
          timeLimits: rng.sample(V.TIME_LIMITS, rng.int(2, 3)),
          phrases: rng.sample(
            V.GREETINGS.filter((g) => !g.includes('{')),
            rng.int(2, 3),
          ),
          complaint: { department: `${parent}${rng.pick(['督查室', '办公室'])}`, phone: complaintPhone },
          updated: `2026-11-${String(rng.int(1, 20)).padStart(2, '0')}`,
        }),
      });
    });
    const staffSlugs: string[] = [];
    const names: string[] = [];
    for (let k = 0; k < 10; k++) {
      const presentation = rng.chance(0.55) ? 'f' : 'm';
      const name = personName(rng, presentation);
      let slug = slugOf(name) || `staff${k}`;
      while (staffSlugs.includes(slug)) slug += '2';
      staffSlugs.push(slug);
      names.push(name);
      const attire = type.slug === 'huzheng' ? 'police' : hospital ? (k % 3 === 0 ? 'white-coat' : 'nurse') : rng.chance(0.5) ? 'suit' : 'shirt';
      people.push({ photo: `${base}/staff/${slug}.jpg`, seed: `${seed}/${id}/${slug}`, presentation, attire });
      const onDuty = !rng.chance(0.05);
      files.push({
        path: `${base}/staff/${slug}.yaml`,
        text: toYaml({
          name,
          photo: `./${slug}.jpg`,
          post: postSlugs[k % postSlugs.length] as string,
          window: windows[k % windows.length] as string,
          ...(rng.chance(0.8) ? { title: rng.pick(type.titles) } : {}),
          ...(k === 0 ? { position: type.positions[0] as string } : rng.chance(0.5) ? { position: rng.pick(type.positions.slice(1)) } : {}),
          number: `${type.numberPrefix}${String(rng.int(1, 9999)).padStart(4, '0')}`,
          ...(type.slug === 'huzheng' ? { numberLabel: '警号' } : {}),
          ...(rng.chance(0.4) ? { badges: ['党员'] } : rng.chance(0.1) ? { badges: ['团员'] } : {}),
          intro: fill(rng.pick(V.STAFF_INTROS), rng, { field: type.name.replace(/窗口|中心/g, ''), skill: `${rng.pick(services).name}等业务` }),
          ...(onDuty ? {} : { onDuty: false, absence: fill(rng.pick(V.ABSENCES), rng, { other: names[0] as string }) }),
          order: (k + 1) * 10,
        }),
      });
    }

    // Pledges: the unit's, the party branch's, and one person's.
    const pledgeItems = (pool: readonly V.PledgeSeed[], n: number) =>
      rng.sample(pool, n).map((p, k) => {
        const status = rng.weighted([
          ['已兑现', 5],
          ['进行中', 3],
          ['未开始', 1],
          ['未兑现', 1],
        ] as const);
        const deadline = status === '已兑现' || status === '未兑现' ? `2026-${String(rng.int(3, 10)).padStart(2, '0')}-${rng.pick(['15', '30'])}` : '2026-12-31';
        const item: Record<string, YamlValue> = { text: fill(p.text, rng), deadline, status };
        if (status === '已兑现' || status === '未兑现') {
          item.evidence = fill(status === '已兑现' ? p.kept : p.missed, rng);
          item.date = `2026-${String(Math.min(11, Number(deadline.slice(5, 7)) + (k % 2))).padStart(2, '0')}-${String(rng.int(1, 20)).padStart(2, '0')}`;
        }
        return item;
      });
    const reviews = [
      { stage: '年初承诺点评', reviewer: `${personName(rng, 'm')}（${parent}${rng.pick(['主任', '分管负责人'])}）`, date: '2026-02-20', comment: rng.pick(V.REVIEW_START) },
    ];
    files.push({
      path: `${base}/pledges/2026-danwei.yaml`,
      text: toYaml({
        title: `2026 年度${type.name}服务承诺`,
        year: 2026,
        by: { type: '本单位' },
        // Every other unit also keeps a standing pledge, with no deadline (长期).
        items: [
          ...pledgeItems([...V.PLEDGES_COMMON, ...(hospital ? V.PLEDGES_HOSPITAL : [])], rng.int(4, 6)),
          ...(i % 2 === 0 ? [{ text: rng.fork('standing').pick(STANDING_PLEDGES), deadline: '长期', status: '进行中' }] : []),
        ],
        reviews,
      }),
    });
    files.push({
      path: `${base}/pledges/2026-dangzhibu.yaml`,
      text: toYaml({
        title: `${type.name}党支部 2026 年度承诺`,
        year: 2026,
        by: { type: '党支部', name: `${type.name}党支部` },
        items: pledgeItems(V.PLEDGES_PARTY, rng.int(2, 3)),
      }),
    });
    files.push({
      path: `${base}/pledges/2026-geren-${staffSlugs[0]}.yaml`,
      text: toYaml({
        title: `${names[0]} 2026 年度个人承诺`,
        year: 2026,
        by: { type: '工作人员', staff: staffSlugs[0] as string },
        items: pledgeItems(V.PLEDGES_PERSONAL, rng.int(2, 3)),
      }),
    });

    // This year's third quarter: most units well above 80%, a few below with an explanation.
    const satisfaction = rng.chance(0.08) ? Math.round(rng.range(70, 79.9) * 10) / 10 : Math.round(rng.range(88, 99.8) * 10) / 10;
    files.push({
      path: `${base}/evaluations/2026-q3.yaml`,
      text: toYaml({
        period: '2026 年第三季度',
        start: '2026-07-01',
        end: '2026-09-30',
        // One unit in three publishes a 好评率 (the 好差评 system's figure) rather than a 满意率.
        ...(i % 3 === 1 ? { goodRate: satisfaction } : { satisfaction }),
        responses: rng.int(120, 4800),
        method: rng.pick(V.EVAL_METHODS),
        self: fill(rng.pick(V.EVAL_SELF), rng),
        ...(satisfaction < 80 ? { explanation: rng.pick(V.EVAL_EXPLANATIONS), measures: rng.sample(V.EVAL_MEASURES, 2) } : {}),
        awards: [{ name: rng.pick(V.AWARDS_PERSON), staff: rng.pick(staffSlugs) }],
        updated: '2026-11-05',
      }),
    });
  }

  // Notices: about one for every ten units, of every kind, some from a unit.
  const noticeRng = root.fork('notices');
  const noticeCount = Math.max(3, Math.round(options.units / 10));
  for (let n = 0; n < noticeCount; n++) {
    const unit = unitIds[noticeRng.int(0, unitIds.length - 1)] as string;
    const kind = n % 3;
    const title =
      kind === 0
        ? noticeRng.pick(V.NOTICE_HOLIDAY_TITLES)
        : kind === 1
          ? noticeRng.pick(V.NOTICE_PUBLICITY_TITLES)
          : `${province}省窗口单位“四亮”工作简报：${noticeRng.pick(V.BULLETIN_TOPICS)}`;
    const data: Record<string, YamlValue> = {
      type: kind === 0 ? '公告' : kind === 1 ? '公示' : '简报',
      title,
      date: `2026-11-${String(noticeRng.int(1, 20)).padStart(2, '0')}`,
      ...(kind === 1 ? { unit, period: { start: '2026-11-16', end: '2026-11-27' }, feedback: `对公示内容有异议的，请在公示期内拨打 ${landline(noticeRng, siteArea)} 反映。` } : {}),
      ...(kind === 2 ? { issue: n + 1 } : {}),
    };
    const body = Array.from({ length: noticeRng.int(2, 4) }, () => `${noticeRng.pick(V.EVAL_SELF.map((t) => fill(t, noticeRng)))}${noticeRng.pick(V.EVAL_LEADER)}`).join('\n\n');
    files.push({ path: `notices/tongzhi-${String(n + 1).padStart(4, '0')}.md`, text: toMarkdown(data, body) });
  }

  // Two hall screens: a landscape one in the first county's service hall, a portrait one in its hospital.
  const hallUnits = unitIds.filter((_, i) => UNIT_TYPES[i % UNIT_TYPES.length]?.kind === 'service-hall-window').slice(0, 3);
  const hospitalUnits = unitIds.filter((_, i) => UNIT_TYPES[i % UNIT_TYPES.length]?.kind === 'hospital-department').slice(0, 2);
  const firstProcedure = (unit: string) => files.find((f) => f.path.startsWith(`units/${unit}/procedures/`))?.path.replace(/^.*\/(.*)\.md$/, '$1');
  const screen = (name: string, orientation: string, units: string[]) => ({
    name,
    location: `${name.replace(/屏$/, '')}墙面`,
    orientation,
    duration: 20,
    when: { days: '周一至周六', times: ['07:30-18:30'] },
    slides: units
      .flatMap((u) => [
        { type: '单位公示栏', unit: u },
        { type: '办事指南', unit: u, procedure: firstProcedure(u) as string },
        { type: '工作人员', unit: u },
        { type: '服务承诺', unit: u },
      ])
      .concat([{ type: '公告公示' } as never, { type: '监督渠道' } as never]),
  });
  if (hallUnits.length > 0) files.push({ path: 'screens/dating.yaml', text: toYaml(screen(`${counties[0]?.county.name}政务服务中心大厅屏`, '横屏', hallUnits)) });
  if (hospitalUnits.length > 0) files.push({ path: 'screens/yiyuan.yaml', text: toYaml(screen(`${counties[0]?.county.name}人民医院门诊大厅屏`, '竖屏', hospitalUnits)) });

  return { files, people, units: unitIds };
}
