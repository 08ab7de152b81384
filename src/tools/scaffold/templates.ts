/**
 * Templates for new content files (`npm run new`): every field of the
 * schema, each with a Chinese comment above it saying what to write.
 *
 * Conventions, which the header of each file repeats for the person editing:
 * - Required fields have a value. Where the value must be replaced it says
 *   待填写, so a search for 待填写 finds every place still to fill; a file
 *   fresh from a template passes the content checker, so nothing stops
 *   someone from building while filling it in.
 * - Optional fields are commented out as `# key: example`; deleting the `# `
 *   (hash and one space) at the start of those lines turns them on. Comments
 *   that explain never start with `key:` or `- `, so the two never mix.
 *
 * Pure: no file system; `src/tools/scaffold/new.ts` decides what to write where.
 */
import { stringify } from 'yaml';

/** Lines of text at an indentation. */
type Lines = string[];

/** An explanation comment at `indent` spaces. */
const note = (indent: number, text: string): string => `${' '.repeat(indent)}# ${text}`;

/** Comments a block out at its own indentation: `  a: 1` → `  # a: 1`, `    b: 2` → `  #   b: 2`. */
function off(indent: number, lines: Lines): Lines {
  const base = ' '.repeat(indent);
  return lines.map((line) => (line.startsWith(base) ? `${base}# ${line.slice(indent)}` : `# ${line}`));
}

/**
 * A text value as YAML: plain when that reads back as the same text, quoted
 * otherwise. Judged by YAML 1.1 rules, the stricter of the two that readers
 * of these files use (Astro's reads 2026-11-22 as a date, `yes` as true).
 */
export function yamlText(value: string): string {
  // A block scalar would need the indentation of the line it lands on; one line in quotes is simpler.
  if (/[\r\n]/.test(value)) return JSON.stringify(value);
  return stringify(value, { version: '1.1', lineWidth: 0 }).trimEnd();
}

function header(title: string, path: string, command: string, extra: Lines = []): Lines {
  return [
    `# ${title} · ${path}`,
    `# 由 ${command} 生成。`,
    '# 把“待填写”改成真实内容（搜索“待填写”可以找到每一处）；',
    '# 以“# 字段名:”开头的行是可选项，要用时删掉行首的“# ”（井号和一个空格）。',
    ...extra.map((l) => `# ${l}`),
    '',
  ];
}

const updatedLines = (indent = 0): Lines => [
  note(indent, '更新日期：不写就用 Git 里这个文件最后一次修改的日期；想手工指定时写，例如 2026-11-22。'),
  ...off(indent, ['updated: 2026-11-22']),
];

const orderLines = (comment: string): Lines => [note(0, comment), ...off(0, ['order: 10'])];

/** Opening hours, for a unit or a procedure (commented out as a whole). */
function hoursLines(comment: string): Lines {
  return [
    note(0, comment),
    ...off(0, [
      'hours:',
      '  # 平时的办公时间，一行写一组日子。',
      '  regular:',
      '    # 哪几天：周一至周五、周六、周日、每天；原文写“工作日”的照写。',
      '    - days: 周一至周五',
      '      # 几个时段，24 小时制，加英文引号；全天写 ["00:00-24:00"]；原文只写“上午”的写 [上午]，没写时间的写 未公布。',
      '      times: 待填写',
      '  # 分夏季、冬季作息的，改写 seasons（写了 seasons 就删掉上面的 regular）：每个季节一组，日期每年相同，原文没写日期的不写 from 和 to。',
      '  seasons:',
      '    # 季节名称，照原文写。',
      '    - name: 夏季',
      '      # 从每年哪天开始，例如 "05-01"。',
      '      from: "05-01"',
      '      # 到每年哪天结束（含当天），例如 "09-30"。',
      '      to: "09-30"',
      '      # 这个季节的办公时间。',
      '      regular:',
      '        # 哪几天。',
      '        - days: 周一至周五',
      '          # 几个时段。',
      '          times: 待填写',
      '      # 这个季节的补充说明。',
      '      note: 待填写',
      '  # 法定节假日怎么安排，必须写明，例如“法定节假日休息，调休上班日正常办公”或“节假日照常”。',
      '  holidays: 法定节假日休息，调休上班日正常办公',
      '  # 其他说明，例如“中午不休息”；网页、海报、公示栏和显示屏上都会显示。',
      '  note: 待填写',
    ]),
  ];
}

function personLines(key: string, comment: string, example: { name: string; position: string; phone: string }): Lines {
  return [
    note(0, comment),
    ...off(0, [
      `${key}:`,
      '  # 姓名。',
      `  name: ${example.name}`,
      '  # 职务，例如“副院长”“中心副主任”。',
      `  position: ${example.position}`,
      '  # 办公电话，加英文引号（不要填私人手机）。',
      `  phone: "${example.phone}"`,
    ]),
  ];
}

export interface UnitTemplate {
  slug: string;
  name?: string;
}

/** `units/<slug>/unit.yaml`. */
export function unitTemplate(p: UnitTemplate): string {
  return [
    ...header('窗口单位', `units/${p.slug}/unit.yaml`, `npm run new -- unit ${p.slug}`, [
      '事项、工作人员、岗位和承诺分别放在旁边的 procedures/、staff/、posts/、pledges/ 文件夹里。',
    ]),
    note(0, '单位名称，例如“门诊服务中心”“不动产登记窗口”。'),
    `name: ${p.name ? yamlText(p.name) : '待填写单位名称'}`,
    note(0, '简称，用在窗口牌和台签上。'),
    ...off(0, ['shortName: 门诊中心']),
    note(0, '单位类型：医院科室、政务服务窗口、部门服务窗口、公共卫生服务点、基层站所、其他窗口。待填写：选一个。'),
    'kind: 其他窗口',
    note(0, '所属单位或上级部门，例如“青溪县人民医院”“青溪县政务服务中心”。'),
    'parent: 待填写所属单位',
    note(0, '一句话说明这里办什么，例如“负责门诊挂号、收费、咨询和出生医学证明办理”。'),
    'summary: 待填写：负责……',
    note(0, '在哪里。'),
    'location:',
    note(2, '地址，例如“青溪县人民路 88 号”。'),
    '  address: 待填写地址',
    note(2, '楼栋，例如“门诊楼”。'),
    ...off(2, ['  building: 门诊楼']),
    note(2, '楼层，例如“一楼”。'),
    ...off(2, ['  floor: 一楼']),
    note(2, '窗口号，每个加英文引号。'),
    ...off(2, ['  windows: ["1", "2", "3"]']),
    note(2, '怎么走，例如“从正门进入后右手边”。'),
    ...off(2, ['  directions: 从正门进入后右手边']),
    note(0, '咨询电话，加英文引号；不写就用网站设置里的总咨询电话。'),
    ...off(0, ['phone: "0571-8888 6666"']),
    note(0, '更多电话，各写用途和号码；有分机写“转”。'),
    ...off(0, [
      'phones:',
      '  # 电话用途，例如“咨询”“预约”“投诉”。',
      '  - label: 预约',
      '    # 号码，加英文引号。',
      '    number: "0571-8888 6666 转 678"',
      '    # 什么时间能打通。',
      '    hours: 工作日 8:00-17:00',
      '    # 补充说明。',
      '    note: 仅限预约',
    ]),
    ...hoursLines('办公时间；不写就用网站设置里的默认办公时间。'),
    note(0, '楼层平面图或科室分布图，放在 unit.yaml 旁边。'),
    ...off(0, ['floorPlan: ./floor-plan.png']),
    note(0, '用文字描述平面图，给看不见图片的人；填了平面图就必须填。'),
    ...off(0, ['floorPlanText: 一楼大厅东侧为 1—6 号窗口，西侧为自助服务区']),
    note(0, '单位获得的荣誉牌。'),
    ...off(0, ['plaques: [青年文明号, 巾帼文明岗]']),
    ...personLines('leader', '分管领导。', { name: '王建国', position: '副院长', phone: '0571-8888 6601' }),
    ...personLines('head', '单位负责人（科室主任、窗口负责人）。', { name: '李红', position: '中心主任', phone: '0571-8888 6602' }),
    note(0, '本单位的监督渠道；不写就只显示网站设置里的全站渠道。'),
    ...off(0, [
      'supervision:',
      '  # 追加：加在全站渠道前面（默认）；替换：只显示本单位的渠道。',
      '  mode: 追加',
      '  # 渠道列表，每个渠道一项。',
      '  channels:',
      '    # 渠道类型：投诉电话、监督电话、服务热线、举报邮箱、举报信箱、领导信箱、意见箱、网上投诉。',
      '    - type: 投诉电话',
      '      # 渠道名称，不写就用类型名。',
      '      name: 中心督查室',
      '      # 号码、邮箱、网址或设置地点；电话加英文引号。',
      '      value: "0571-8888 6699"',
      '      # 受理时间；全天受理写“24 小时”。',
      '      hours: 工作日 8:30-17:30',
      '      # 补充说明。',
      '      note: 也可以当面反映',
    ]),
    note(0, '单位实行的服务制度。'),
    ...off(0, ['systems: [首问负责制, 一次性告知制, 限时办结制]']),
    ...orderLines('在首页同类单位中的排列顺序，越小越靠前。'),
    ...updatedLines(),
    '',
  ].join('\n');
}

export interface StaffTemplate {
  unit: string;
  slug: string;
  name?: string;
  /** The post to start from; the unit's posts, for the comment. */
  post?: string;
  posts: ReadonlyArray<{ slug: string; name: string }>;
  /** Whether `<slug>.jpg` is already beside the file; without it the photo line is left commented out. */
  hasPhoto?: boolean;
}

/** What a staff photo should look like, for the template and for the note beside it. */
export const PHOTO_REQUIREMENTS = '近期正面免冠工作照，穿工作服，浅色背景，竖版，宽不小于 600 像素；不要用证件照翻拍或手机截图';

/** `units/<unit>/staff/<slug>.yaml`. */
export function staffTemplate(p: StaffTemplate): string {
  const postList = p.posts.map((x) => `${x.slug}（${x.name}）`).join('、');
  const post = p.post ?? p.posts[0]?.slug ?? 'gangwei';
  return [
    ...header('工作人员', `units/${p.unit}/staff/${p.slug}.yaml`, `npm run new -- staff ${p.unit}/${p.slug}`, [
      p.hasPhoto
        ? `照片 ${p.slug}.jpg 已经在本文件旁边。`
        : `照片放在本文件旁边，文件名 ${p.slug}.jpg，再删掉 photo 一行行首的“# ”；放好之前可以发布，公示牌上先显示“照片待补”，npm run check 会提醒。`,
    ]),
    note(0, '姓名。'),
    `name: ${p.name ? yamlText(p.name) : '待填写姓名'}`,
    note(0, `工作照：放在本文件旁边，文件名 ${p.slug}.jpg（${PHOTO_REQUIREMENTS}）。照片里的拍摄地点等信息会在发布时自动去掉。`),
    // A photo line for a file that is not there would name a picture that does not exist: commented out until it is.
    ...(p.hasPhoto ? [`photo: ./${p.slug}.jpg`] : off(0, [`photo: ./${p.slug}.jpg`])),
    note(
      0,
      p.posts.length > 0
        ? `所在岗位：posts 文件夹里的文件名。本单位的岗位有 ${postList}。`
        : `所在岗位：posts 文件夹里的文件名。待填写：本单位还没有岗位，先用 npm run new -- post ${p.unit}/<岗位拼音> 添加。`,
    ),
    `post: ${post}`,
    note(0, '窗口号，加英文引号。'),
    ...off(0, ['window: "3"']),
    note(0, '职称，例如“主治医师”“主管护师”“助理经济师”。'),
    ...off(0, ['title: 助理经济师']),
    note(0, '职务，例如“护士长”“窗口负责人”。'),
    ...off(0, ['position: 窗口负责人']),
    note(0, '工号，加英文引号（开头的 0 才不会丢）。'),
    ...off(0, ['number: "0213"']),
    note(0, '编号的叫法，不写就是“工号”；民警写“警号”。'),
    ...off(0, ['numberLabel: 警号']),
    note(0, '单位配发的工作手机或岗位电话，会公开显示，加英文引号；不要填私人手机。'),
    ...off(0, ['workPhone: "0570-6012 3311"']),
    note(0, '执业证书编号（医生、护士、药师等），加英文引号。'),
    ...off(0, ['licence: "110330122000123"']),
    note(0, '自愿亮明的政治面貌：党员、团员；不写就不显示。'),
    ...off(0, ['badges: [党员]']),
    note(0, '个人或岗位获得的荣誉牌，例如“党员先锋岗”。'),
    ...off(0, ['plaque: 党员先锋岗']),
    note(0, '一句话介绍，例如医生的擅长方向。'),
    ...off(0, ['intro: 熟悉不动产登记各类业务']),
    ...orderLines('在公示牌上的排列顺序，越小越靠前。'),
    note(0, '现在是否在岗；休假、外出学习时写 false，公示牌上会标注“暂不在岗”。'),
    ...off(0, ['onDuty: false']),
    note(0, '不在岗的说明。'),
    ...off(0, ['absence: 外出进修至 2027 年 2 月，由李华代岗']),
    note(0, '调离或退休的日期；填写后不再出现在公示牌上。'),
    ...off(0, ['left: 2026-12-31']),
    ...updatedLines(),
    '',
  ].join('\n');
}

/** The note written beside a new staff file until the photo is there. */
export function photoNote(p: { unit: string; slug: string; name?: string }): string {
  return [
    `待补照片：${p.name ?? p.slug}`,
    '',
    `请把工作照放在这个文件夹里，文件名 ${p.slug}.jpg，再把 ${p.slug}.yaml 里的“# photo: ./${p.slug}.jpg”一行行首的“# ”删掉。`,
    '照片放好之前也可以发布：网站、公示牌和胸卡上先显示“照片待补”。',
    `要求：${PHOTO_REQUIREMENTS}。`,
    '照片里的拍摄地点等信息会在发布时自动去掉。',
    '照片放好后，删除这个说明文件。',
    '',
  ].join('\n');
}

export interface PostTemplate {
  unit: string;
  slug: string;
  name?: string;
}

/** `units/<unit>/posts/<slug>.yaml`. */
export function postTemplate(p: PostTemplate): string {
  return [
    ...header('岗位职责', `units/${p.unit}/posts/${p.slug}.yaml`, `npm run new -- post ${p.unit}/${p.slug}`),
    note(0, '岗位名称，例如“导医岗”“综合受理岗”。'),
    `name: ${p.name ? yamlText(p.name) : '待填写岗位名称'}`,
    note(0, '岗位职责，每条一行。'),
    'duties:',
    '  - 待填写：岗位职责第一条',
    note(0, '履职要求，每条一行。'),
    'requirements:',
    '  - 待填写：履职要求第一条',
    note(0, '工作时限，例如“首问负责，5 分钟内答复”，每条一行。'),
    'timeLimits:',
    '  - 待填写：例如 首问负责，5 分钟内答复',
    note(0, '规范服务用语，每条一行；可以按本单位的规范修改。'),
    'phrases:',
    '  - 您好，请问您办理什么业务？',
    '  - 请稍等，我马上为您办理。',
    '  - 请慢走，欢迎再来。',
    note(0, '对本岗位服务不满意时向谁投诉。'),
    'complaint:',
    note(2, '受理投诉的部门，例如“医务科”“中心督查室”。'),
    '  department: 待填写投诉受理部门',
    note(2, '投诉电话，加英文引号。待填写：改成本单位受理投诉的电话（12345 是政务服务便民热线）。'),
    '  phone: "12345"',
    note(0, '医院岗位的“五知道”：患者应当知道的五件事，每条一行。'),
    ...off(0, ['fiveKnows:', '  - 知道医生姓名', '  - 知道护士姓名', '  - 知道诊断', '  - 知道治疗方案', '  - 知道费用']),
    note(0, '医院岗位的“五明白”：让患者明白的五件事，每条一行。'),
    ...off(0, ['fiveUnderstands:', '  - 明白检查目的', '  - 明白用药方法', '  - 明白注意事项', '  - 明白复诊时间', '  - 明白费用构成']),
    note(0, '岗位获得的荣誉牌，例如“党员示范岗”。'),
    ...off(0, ['plaque: 党员示范岗']),
    ...orderLines('排列顺序，越小越靠前。'),
    ...updatedLines(),
    '',
  ].join('\n');
}

export interface PledgeTemplate {
  unit: string;
  slug: string;
  year: number;
  /** The unit's name, for the title. */
  unitName?: string;
  title?: string;
}

/** `units/<unit>/pledges/<slug>.yaml`. */
export function pledgeTemplate(p: PledgeTemplate): string {
  const title = p.title ?? `${p.year} 年度${p.unitName ?? '待填写单位名称'}服务承诺`;
  return [
    ...header('服务承诺', `units/${p.unit}/pledges/${p.slug}.yaml`, `npm run new -- pledge ${p.unit}/${p.slug}`),
    note(0, '标题，例如“2026 年度门诊服务中心服务承诺”。'),
    `title: ${yamlText(title)}`,
    note(0, '承诺年度。'),
    `year: ${p.year}`,
    note(0, '谁来承诺。'),
    'by:',
    note(2, '承诺主体：本单位、党支部、工作人员。'),
    '  type: 本单位',
    note(2, '党支部名称；type 为党支部时必须写。'),
    ...off(2, ['  name: 门诊党支部']),
    note(2, '工作人员：staff 文件夹里的文件名；type 为工作人员时必须写。'),
    ...off(2, ['  staff: zhang-xiaoming']),
    note(0, '承诺事项，每项一条。'),
    'items:',
    note(2, '承诺内容，例如“挂号排队不超过 10 分钟”。'),
    '  - text: 待填写承诺内容',
    note(4, '完成时限。'),
    `    deadline: ${p.year}-12-31`,
    note(4, '兑现情况：未开始、进行中、已兑现、未兑现。'),
    '    status: 未开始',
    note(4, '兑现佐证或未兑现的原因；已兑现和未兑现时必须写。'),
    ...off(4, ['    evidence: 全年当场受理率 100%']),
    note(4, '兑现情况的确认日期；已兑现和未兑现时必须写。'),
    ...off(4, [`    date: ${p.year}-12-31`]),
    note(0, '领导点评：年初承诺点评、年中兑现点评、年终落实点评。'),
    ...off(0, [
      'reviews:',
      '  # 点评阶段：年初承诺点评、年中兑现点评、年终落实点评。',
      '  - stage: 年初承诺点评',
      '    # 点评人，写姓名和职务。',
      '    reviewer: 王建国（副院长）',
      '    # 点评日期。',
      `    date: ${p.year}-02-10`,
      '    # 点评意见。',
      '    comment: 承诺具体可行，请按时兑现。',
    ]),
    ...orderLines('排列顺序，越小越靠前。'),
    ...updatedLines(),
    '',
  ].join('\n');
}

export interface ProcedureTemplate {
  unit: string;
  slug: string;
  name?: string;
}

/** `units/<unit>/procedures/<slug>.md`: front matter with every field, and an empty body. */
export function procedureTemplate(p: ProcedureTemplate): string {
  const front: Lines = [
    ...header('办事指南', `units/${p.unit}/procedures/${p.slug}.md`, `npm run new -- procedure ${p.unit}/${p.slug}`, [
      '正文（办事须知、温馨提示等）写在最后一行 --- 的下面，用 Markdown 格式，可以不写。',
    ]),
    note(0, '事项编码，加英文引号，在政务服务事项目录里查，例如 "330122-001-XK-0012"。'),
    'code: "待填写事项编码"',
    note(0, '事项名称，例如“居民身份证补领”。'),
    `name: ${p.name ? yamlText(p.name) : '待填写事项名称'}`,
    note(0, '一两句话说明这是什么事项、谁需要办。'),
    'summary: 待填写：为……办理……',
    note(0, '事项类型，例如“行政许可”“公共服务”“行政确认”。'),
    ...off(0, ['category: 公共服务']),
    note(0, '服务对象：个人、单位、个人和单位。'),
    ...off(0, ['audience: 个人']),
    note(0, '受理条件：符合哪些条件才能办，每条一行。'),
    'eligibility:',
    '  - 待填写受理条件',
    note(0, '申请人类型：不同的人办要带的材料不同时，先列出几类，再在材料的 applicants 里写哪几类要带。'),
    ...off(0, ['applicants: [本人办理, 委托代办]']),
    note(0, '申请材料：每项写名称、原件还是复印件、份数和说明；确实不需要材料时写 materials: []'),
    'materials:',
    note(2, '材料名称，例如“居民户口簿”。'),
    '  - name: 待填写材料名称',
    note(4, '材料形式：原件、复印件、原件和复印件、电子材料。'),
    '    form: 原件',
    note(4, '份数，原件查验一般写 1（不写就是 1）。'),
    ...off(4, ['    copies: 2']),
    note(4, '原件和复印件都要、原件不止 1 份时，原件的份数。'),
    ...off(4, ['    originals: 1']),
    note(4, '哪几类申请人要带，写上面 applicants 里的名称；不写就是每类都要。'),
    ...off(4, ['    applicants: [委托代办]']),
    note(4, '几样材料任选其一时，逐样写出。'),
    ...off(4, ['    anyOf:', '      # 材料名称。', '      - name: 居民身份证', '        # 说明。', '        note: 在有效期内', '      # 另一样。', '      - name: 临时居民身份证']),
    note(4, '是否必须提交；只在某些情况下才要的写 false，并在 condition 里说明什么情况下要。'),
    ...off(4, ['    required: false']),
    note(4, '什么情况下需要，例如“委托他人办理的”。'),
    ...off(4, ['    condition: 委托他人办理的']),
    note(4, '说明，例如“在有效期内”“由医院出具”。'),
    ...off(4, ['    note: 在有效期内']),
    note(4, '材料从哪里来，例如“申请人自备”“医院出具”。'),
    ...off(4, ['    source: 申请人自备']),
    note(4, '空白表格，放在本单位文件夹里，例如 ./forms/申请表.pdf。'),
    ...off(4, ['    blankForm: ./forms/申请表.pdf']),
    note(4, '填写样表。'),
    ...off(4, ['    sample: ./forms/申请表样表.pdf']),
    note(0, '办理流程，按先后顺序，每步一项。'),
    'steps:',
    note(2, '这一步叫什么，例如“取号”“窗口受理”“缴费”“领证”。'),
    '  - name: 窗口受理',
    note(4, '这一步做什么。'),
    ...off(4, ['    description: 审核材料，材料齐全的当场受理']),
    note(4, '在哪里办，例如“一楼 3 号窗口”。'),
    ...off(4, ['    where: 一楼 3 号窗口']),
    note(4, '谁来办，例如“受理人员”“申请人”。'),
    ...off(4, ['    who: 受理人员']),
    note(4, '这一步要多久，例如“即时”“1 个工作日”。'),
    ...off(4, ['    duration: 即时']),
    note(4, '只在某些情况下才有这一步时，写明什么情况，例如“证件遗失的”。'),
    ...off(4, ['    condition: 证件遗失的']),
    note(4, '可以不做的步骤写 true，例如“邮寄送达（自愿选择）”。'),
    ...off(4, ['    optional: true']),
    note(4, '也可以这样办：同一步的其他办法，例如自助机缴费、手机缴费。'),
    ...off(4, [
      '    alternatives:',
      '      # 其他办法的名称。',
      '      - name: 自助机缴费',
      '        # 怎么做。',
      '        description: 在自助机上扫码缴费',
      '        # 在哪里。',
      '        where: 一楼大厅',
      '        # 只在某些情况下才能这样办时，写明什么情况。',
      '        condition: 已绑定社保卡的',
    ]),
    note(0, '办结时限。'),
    'timeLimit:',
    note(2, '法定办结时限：法律法规规定的天数、“当场办结”，或“无法定时限”。待填写：按事项目录核实；原文没写的写 未公布。'),
    '  statutory: 待填写',
    note(2, '法定时限按工作日还是自然日计算，不写就是工作日。'),
    ...off(2, ['  statutoryUnit: 自然日']),
    note(2, '承诺办结时限：本单位承诺的天数（不能长于法定时限），或“当场办结”。待填写：按本单位承诺核实；原文没写的写 未公布。'),
    '  promised: 待填写',
    note(2, '承诺时限按工作日还是自然日计算，不写就是工作日。'),
    ...off(2, ['  promisedUnit: 工作日']),
    note(2, '例外：不算在时限里的时间，例如“除省厅制卡时间外”。'),
    ...off(2, ['  exception: 除省厅制卡时间外']),
    note(2, '等待期：要等一段时间才能办时写。'),
    ...off(2, [
      '  waiting:',
      '    # 从什么时候算起。',
      '    after: 出院',
      '    # 要等多少天。',
      '    days: 10',
      '    # 按工作日还是自然日计算。',
      '    unit: 工作日',
      '    # 等满以后可以做什么。',
      '    then: 可申请复印病历',
    ]),
    note(2, '不同申请人时限不同时逐类写。'),
    ...off(2, [
      '  byApplicant:',
      '    # 哪类申请人。',
      '    - applicant: 流动人口',
      '      # 这类申请人的承诺时限。',
      '      promised: 20',
      '      # 承诺时限按工作日还是自然日计算。',
      '      promisedUnit: 工作日',
      '      # 这类申请人的法定时限。',
      '      statutory: 30',
      '      # 法定时限按工作日还是自然日计算。',
      '      statutoryUnit: 工作日',
      '      # 说明。',
      '      note: 需回户籍地核实',
    ]),
    note(2, '时限说明，例如“不含公告、鉴定时间”。'),
    ...off(2, ['  note: 不含公告、鉴定时间']),
    note(0, '到现场次数：全程网上办理写 0，最多跑一次写 1。待填写：核实；原文没写的写 未公布。'),
    'visits: 待填写',
    note(0, '收费标准：不收费就写“不收费”，不能写“无”或空着。待填写：核实是否收费；原文没写收费的写 未公布。'),
    'fee: 待填写',
    note(0, '收费的，删掉上面一行，改用下面的写法，每个收费项目一项：'),
    ...off(0, [
      'fee:',
      '  # 收费项目。',
      '  - name: 不动产权证书工本费',
      '    # 金额，写明单位。',
      '    amount: 10 元/本',
      '    # 收费依据：文件名称和文号。',
      '    basis: 《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
      '    # 减免说明。',
      '    note: 小微企业免收',
    ]),
    note(0, '收费的补充说明，例如“契税由税务部门另行征收”。'),
    ...off(0, ['feeNote: 契税由税务部门另行征收']),
    note(0, '办理结果：办完拿到什么，例如“居民身份证”“不动产权证书”。'),
    ...off(0, ['result: 居民身份证']),
    note(0, '送达方式。'),
    ...off(0, ['delivery: [窗口领取, 邮政 EMS 免费寄递]']),
    note(0, '办理地点；不写就用单位的位置。'),
    ...off(0, ['place: 政务服务中心一楼 3 号窗口']),
    note(0, '有几处可以办时逐处写。'),
    ...off(0, [
      'places:',
      '  # 地点名称。',
      '  - name: 城东院区门诊楼一楼 6 号窗口',
      '    # 地址。',
      '    address: 青溪县东环路 18 号',
      '    # 怎么走。',
      '    directions: 从东门进入后左手边',
      '    # 这里的办公时间。',
      '    hours: { regular: [{ days: 周一至周五, times: ["08:00-11:30"] }], holidays: 法定节假日休息, note: 冬季下午 14:00 上班 }',
      '    # 咨询电话，加英文引号。',
      '    phone: "0571-8888 6610"',
      '    # 说明。',
      '    note: 仅办理本院区出院患者的复印',
      '  # 分夏季、冬季作息的地点，办公时间写 seasons。',
      '  - name: 城西院区住院楼一楼病案室',
      '    # 这里的办公时间，分季节写。',
      '    hours: { seasons: [{ name: 冬季, from: "10-01", to: "04-30", regular: [{ days: 周一至周五, times: ["08:00-11:30", "13:30-17:00"] }], note: 以院区公告为准 }], holidays: 法定节假日休息 }',
    ]),
    ...hoursLines('办理时间；不写就用单位的办公时间。'),
    note(0, '电话；不写就用单位的电话。'),
    ...off(0, [
      'phones:',
      '  # 咨询电话，加英文引号。',
      '  consult: "0571-8888 6666"',
      '  # 监督投诉电话，加英文引号；不写就用单位监督渠道里的投诉电话。',
      '  complaint: "0571-8888 6699"',
    ]),
    note(0, '电话多、各有用途时，删掉上面的写法，改成逐个写用途和号码：'),
    ...off(0, [
      'phones:',
      '  # 电话用途，例如“咨询”“预约”“投诉”。',
      '  - label: 咨询',
      '    # 号码，加英文引号；有分机写“转”。',
      '    number: "0571-8888 6666 转 678"',
      '    # 什么时间能打通。',
      '    hours: 工作日 8:00-17:00',
      '    # 补充说明。',
      '    note: 仅限咨询',
    ]),
    note(0, '设定依据：法律、法规、规章名称和条款，每条一行。'),
    'legalBasis:',
    '  - 待填写：《……》第……条',
    note(0, '网上办理入口。'),
    ...off(0, [
      'online:',
      '  # 网址；公众号、小程序没有网址的不写。',
      '  url: https://www.example.gov.cn/banshi/',
      '  # 入口名称，例如“浙里办”“医院微信公众号”。',
      '  label: 浙里办',
      '  # 入口类型：网站、微信公众号、微信小程序、支付宝小程序、手机应用、电话、自助机。',
      '  kind: 网站',
      '  # 电话办理或预约的号码。',
      '  phone: "0571-8888 6666"',
      '  # 怎么进入。',
      '  note: 首页点“办事服务”',
    ]),
    note(0, '预约：是否需要预约、怎么预约。'),
    ...off(0, ['appointment:', '  # 必须预约写 true。', '  required: true', '  # 怎么预约。', '  how: 提前一天通过微信公众号预约', '  # 预约电话。', '  phone: "0571-8888 6666"']),
    note(0, '通办范围：全县通办、全市通办、全省通办、跨省通办。'),
    ...off(0, ['scope: 全市通办']),
    note(0, '通办的补充说明。'),
    ...off(0, ['scopeNote: 可在全市任一派出所申请']),
    note(0, '常见问题。'),
    ...off(0, ['faq:', '  # 问题。', '  - q: 可以请别人代办吗？', '    # 回答。', '    a: 可以，请带上委托书和双方的身份证件。']),
    ...orderLines('在单位事项列表中的排列顺序，越小越靠前。'),
    ...updatedLines(),
  ];
  return ['---', ...front, '---', ''].join('\n');
}

export interface NoticeTemplate {
  slug: string;
  today: string;
  title?: string;
}

/** `notices/<slug>.md`. */
export function noticeTemplate(p: NoticeTemplate): string {
  const front: Lines = [
    ...header('公告', `notices/${p.slug}.md`, `npm run new -- notice ${p.slug}`, ['正文写在最后一行 --- 的下面，用 Markdown 格式。']),
    note(0, '类型：公告、公示（有公示期）、简报（有期号）。'),
    'type: 公告',
    note(0, '标题。'),
    `title: ${p.title ? yamlText(p.title) : '待填写标题'}`,
    note(0, '发布日期。'),
    `date: ${p.today}`,
    note(0, '发布单位：units 文件夹里的单位文件夹名；不写表示以机构名义发布。'),
    ...off(0, ['unit: menzhen']),
    note(0, '落款，例如“青溪县人民医院办公室”。'),
    ...off(0, ['signer: 青溪县人民医院办公室']),
    note(0, '公示期（公示必填）：从哪天到哪天，两天都包含在内。'),
    ...off(0, ['period:', '  # 公示开始日期。', `  start: ${p.today}`, '  # 公示结束日期（含当天）。', `  end: ${p.today}`]),
    note(0, '意见反馈方式（公示），例如“电话 0571-8888 6699，或来信寄至……”。'),
    ...off(0, ['feedback: 电话 0571-8888 6699']),
    note(0, '期号（简报必填）。'),
    ...off(0, ['issue: 6']),
    note(0, '总期号（简报）。'),
    ...off(0, ['totalIssue: 26']),
    note(0, '置顶：重要公告写 true，会排在最前。'),
    ...off(0, ['pinned: true']),
    note(0, '紧急：写 true 的公告会占满所有大厅显示屏，直到 until（或公示期结束）那天过完。'),
    ...off(0, ['urgent: true']),
    note(0, '紧急公告在显示屏上显示到哪天（含当天）。'),
    ...off(0, [`until: ${p.today}`]),
    ...updatedLines(),
  ];
  return ['---', ...front, '---', '', '待填写：公告正文。', ''].join('\n');
}

/** Every template by kind, for listing and tests. */
export const SCAFFOLD_KINDS = ['unit', 'procedure', 'staff', 'post', 'pledge', 'notice'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];
