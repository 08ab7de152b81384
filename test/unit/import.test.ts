import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkFile } from '#lib/content/check.ts';
import { IMAGE_EXTENSIONS } from '#schemas/context.ts';
import { decodeText, detectEncoding } from '#lib/text-encoding.ts';
import { pinyinSlug, uniqueSlugs } from '#tools/import/slug.ts';
import { importCommand } from '#tools/import/command.ts';
import { formatStaffImport, photoReminders, planStaffImport, writeStaffImport, type StaffImportPlan } from '#tools/import/staff-import.ts';
import { badgeFor, codeProblem, normaliseDate, paddedWidth, STAFF_COLUMNS } from '#tools/import/staff-roster.ts';
import { SMALL } from '../helpers/content.ts';
import { runScript } from '../helpers/run.ts';

let content: string;
let rosters: string;
beforeEach(() => {
  content = mkdtempSync(join(tmpdir(), 'siliang-import-'));
  cpSync(SMALL, content, { recursive: true });
  rosters = mkdtempSync(join(tmpdir(), 'siliang-roster-'));
  // The photo the roster names, beside the roster.
  copyFileSync(join(SMALL, 'units/chuangkou/staff/li-hua.jpg'), join(rosters, '张晓明.jpg'));
});
afterEach(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(rosters, { recursive: true, force: true });
});

const STAFF_DIR = 'units/chuangkou/staff';
const staffFiles = () => readdirSync(join(content, STAFF_DIR)).sort();
const readStaff = (slug: string) => parseYaml(readFileSync(join(content, STAFF_DIR, `${slug}.yaml`), 'utf8')) as Record<string, unknown>;

const HEADER = ['姓名', '岗位', '职称', '职务', '工号', '窗口号', '政治面貌', '执业证号', '照片', '简介', '排序'];
/** The roster every encoding carries: every column, a quoted cell with a comma and a line break, zero-padded numbers. */
const ROWS = [
  ['张晓明', '综合受理岗', '助理经济师', '窗口负责人', '0213', '1', '中共党员', '110330122000123', '张晓明.jpg', '熟悉不动产登记，\n周末值班', '1'],
  ['李  四', 'shouli', '', '', '0214', '2', '群众', '', '', '', ''],
  ['王芳', '综合受理', '经济师', '', '0215', '1', '共青团员', '', '', '', '3'],
];
/** What each row becomes, field by field. */
const EXPECTED: Record<string, Record<string, unknown>> = {
  'zhang-xiaoming': {
    name: '张晓明',
    photo: './zhang-xiaoming.jpg',
    post: 'shouli',
    window: '1',
    title: '助理经济师',
    position: '窗口负责人',
    number: '0213',
    licence: '110330122000123',
    badges: ['党员'],
    intro: '熟悉不动产登记，\n周末值班',
    order: 1,
  },
  'li-si': { name: '李四', post: 'shouli', window: '2', number: '0214' },
  'wang-fang': { name: '王芳', post: 'shouli', window: '1', title: '经济师', number: '0215', badges: ['团员'], order: 3 },
};

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

function writeRoster(name: string, bytes: Uint8Array | string): string {
  const path = join(rosters, name);
  writeFileSync(path, bytes);
  return path;
}

async function importRoster(path: string, extra: { overwrite?: boolean } = {}): Promise<StaffImportPlan> {
  const plan = await planStaffImport({ roster: path, unit: 'chuangkou', contentDir: content, today: '2026-11-22', ...extra });
  if (plan.errors.length === 0) writeStaffImport(plan, content);
  return plan;
}

/** Reads every written file back and compares it with the roster, then checks it once every photo is there. */
function expectRoundTrip(plan: StaffImportPlan) {
  expect(plan.errors).toEqual([]);
  expect(plan.rowsRead).toBe(3);
  expect(plan.files.map((f) => f.relPath)).toEqual(Object.keys(EXPECTED).map((s) => `${STAFF_DIR}/${s}.yaml`));
  for (const [slug, fields] of Object.entries(EXPECTED)) expect(readStaff(slug), slug).toEqual(fields);
  // Numbers that are text stay quoted in the file.
  const text = readFileSync(join(content, STAFF_DIR, 'zhang-xiaoming.yaml'), 'utf8');
  expect(text).toMatch(/^# 由 npm run import 从花名册 .+ 第 2 行导入（2026-11-22）。/);
  expect(text).toContain('number: "0213"\n');
  expect(text).toContain('window: "1"\n');
  expect(text).toContain('licence: "110330122000123"\n');
  expect(text).toContain('badges: [党员]\n');
  // The photo the roster named was copied; the others get no photo line (never a file that is not there) and a reminder each.
  expect(existsSync(join(content, STAFF_DIR, 'zhang-xiaoming.jpg'))).toBe(true);
  expect(plan.warnings.filter((w) => w.includes('photo'))).toEqual([]);
  expect(photoReminders(plan)).toEqual([
    `${STAFF_DIR}/li-si.yaml：第 3 行（李四）还没有工作照，公示牌和胸卡上先显示“照片待补”；有照片后放到 ${STAFF_DIR}/li-si.jpg，并在文件里加一行 photo: ./li-si.jpg`,
    `${STAFF_DIR}/wang-fang.yaml：第 4 行（王芳）还没有工作照，公示牌和胸卡上先显示“照片待补”；有照片后放到 ${STAFF_DIR}/wang-fang.jpg，并在文件里加一行 photo: ./wang-fang.jpg`,
  ]);
  // Publishable as they are: the files check without a problem.
  for (const slug of Object.keys(EXPECTED)) {
    expect(checkFile(content, `${STAFF_DIR}/${slug}.yaml`).problems, slug).toEqual([]);
  }
}

describe('npm run import -- staff', () => {
  it('imports a UTF-8 CSV', async () => {
    const plan = await importRoster(writeRoster('roster.csv', csv([HEADER, ...ROWS])));
    expect(plan.encoding).toBe('utf-8');
    expectRoundTrip(plan);
  });

  it('imports a UTF-8 CSV with a byte-order mark (Excel: CSV UTF-8)', async () => {
    const plan = await importRoster(writeRoster('roster.csv', `\uFEFF${csv([HEADER, ...ROWS])}`));
    expect(plan.encoding).toBe('utf-8-bom');
    expectRoundTrip(plan);
  });

  it('imports a GBK CSV (Excel on Chinese Windows: CSV)', async () => {
    const plan = await importRoster(writeRoster('roster.csv', iconv.encode(csv([HEADER, ...ROWS]), 'gbk')));
    expect(plan.encoding).toBe('gbk');
    expectRoundTrip(plan);
  });

  it('imports an .xlsx workbook', async () => {
    const sheet = [
      HEADER,
      // Codes as text cells, as they are once the column is formatted as text; the sort order as a number.
      ...ROWS.map((row) => row.map((v, i) => (HEADER[i] === '排序' && v !== '' ? Number(v) : v === '' ? null : v))),
    ];
    const path = join(rosters, 'roster.xlsx');
    await writeXlsxFile(sheet).toFile(path);
    const plan = await importRoster(path);
    expect(plan.format).toBe('xlsx');
    expectRoundTrip(plan);
  });

  it('refuses numbers Excel wrote in scientific notation, naming row and column, and writes nothing', async () => {
    const before = staffFiles();
    const rows = ROWS.map((r) => [...r]);
    (rows[1] as string[])[4] = '1.38E+10';
    const plan = await importRoster(writeRoster('roster.csv', csv([HEADER, ...rows])));
    expect(plan.errors).toEqual([{ row: 3, column: '工号', message: '1.38E+10 是被 Excel 改写成科学计数法的数字，原来的号码已经丢失；请在 Excel 里把这一列设为“文本”后重新输入' }]);
    expect(staffFiles()).toEqual(before);
    expect(formatStaffImport(plan, { dryRun: false, written: false })).toContain(
      '✗ 第 3 行“工号”列：1.38E+10 是被 Excel 改写成科学计数法的数字，原来的号码已经丢失；请在 Excel 里把这一列设为“文本”后重新输入',
    );
  });

  it('refuses a staff number that lost its leading zero', async () => {
    const rows = ROWS.map((r) => [...r]);
    (rows[2] as string[])[4] = '215';
    const plan = await importRoster(writeRoster('roster.csv', csv([HEADER, ...rows])));
    expect(plan.errors).toEqual([
      {
        row: 4,
        column: '工号',
        message: '215 比这一列其他号码（如 0213）短，开头的 0 可能被 Excel 去掉了；请在 Excel 里把这一列设为“文本”后重新输入原来的号码',
      },
    ]);
    expect(staffFiles()).not.toContain('wang-fang.yaml');
  });

  it('refuses a staff number stored as a number in an .xlsx', async () => {
    const path = join(rosters, 'roster.xlsx');
    await writeXlsxFile([
      ['姓名', '岗位', '工号'],
      ['张晓明', '综合受理岗', 213],
    ]).toFile(path);
    const plan = await importRoster(path);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ row: 2, column: '工号' });
    expect(plan.errors[0]?.message).toContain('213 在 Excel 里是数字格式');
    expect(staffFiles()).not.toContain('zhang-xiaoming.yaml');
  });

  it('refuses an unknown post, naming row, column and the posts there are', async () => {
    const before = staffFiles();
    const rows = ROWS.map((r) => [...r]);
    (rows[0] as string[])[1] = '收费岗';
    const plan = await importRoster(writeRoster('roster.csv', csv([HEADER, ...rows])));
    expect(plan.errors).toEqual([{ row: 2, column: '岗位', message: '找不到岗位“收费岗”。本单位的岗位有：综合受理岗（shouli）；请改成其中之一，或先添加这个岗位' }]);
    expect(staffFiles()).toEqual(before);
  });

  it('takes a photo of every type a staff file may name, and refuses any other type, listing them', async () => {
    const names = ['赵一', '钱二', '孙三', '周五', '吴六', '郑七', '冯八', '陈九'].slice(0, IMAGE_EXTENSIONS.length);
    // A JPEG under each name: the checker goes by a picture's contents, so it accepts them all.
    IMAGE_EXTENSIONS.forEach((ext, i) => copyFileSync(join(SMALL, STAFF_DIR, 'li-hua.jpg'), join(rosters, `${names[i]}.${ext}`)));
    const plan = await importRoster(
      writeRoster('roster.csv', csv([['姓名', '岗位', '照片'], ...IMAGE_EXTENSIONS.map((ext, i) => [names[i] as string, 'shouli', `${names[i]}.${ext}`])])),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.files).toHaveLength(IMAGE_EXTENSIONS.length);
    for (const file of plan.files) expect(checkFile(content, file.relPath).problems, file.relPath).toEqual([]);

    copyFileSync(join(SMALL, STAFF_DIR, 'li-hua.jpg'), join(rosters, '褚十.bmp'));
    const refused = await importRoster(
      writeRoster(
        'refused.csv',
        csv([
          ['姓名', '岗位', '照片'],
          ['褚十', 'shouli', '褚十.bmp'],
        ]),
      ),
    );
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatchObject({ row: 2, column: '照片' });
    for (const ext of IMAGE_EXTENSIONS) expect(refused.errors[0]?.message).toContain(ext);
  });

  it('skips a row with a blank name, with a note', async () => {
    const plan = await importRoster(
      writeRoster('roster.csv', csv([HEADER, ROWS[0] as string[], ['', '综合受理岗', '', '', '0299', '', '', '', '', '', ''], ['', '', '', '', '', '', '', '', '', '', '']])),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rowsRead).toBe(2);
    expect(plan.skipped).toEqual([{ row: 3, message: '姓名是空的，跳过这一行' }]);
    expect(plan.files.map((f) => f.relPath)).toEqual([`${STAFF_DIR}/zhang-xiaoming.yaml`]);
  });

  it('gives people with the same name distinct files', async () => {
    const plan = await importRoster(
      writeRoster(
        'roster.csv',
        csv([
          ['姓名', '岗位'],
          ['张伟', '综合受理岗'],
          ['张伟', '综合受理岗'],
          ['张 伟', '综合受理岗'],
        ]),
      ),
    );
    expect(plan.files.map((f) => f.relPath)).toEqual([`${STAFF_DIR}/zhang-wei.yaml`, `${STAFF_DIR}/zhang-wei-2.yaml`, `${STAFF_DIR}/zhang-wei-3.yaml`]);
    expect(plan.notes.map((n) => n.message)).toContain('和第 2 行姓名相同（张伟），写成 zhang-wei-2.yaml；如果是同一个人重复了，请删掉一行');
  });

  it('keeps existing files unless told to overwrite them', async () => {
    const roster = writeRoster(
      'roster.csv',
      csv([
        ['姓名', '岗位', '职称'],
        ['李华', '综合受理岗', '经济师'],
      ]),
    );
    const before = readFileSync(join(content, STAFF_DIR, 'li-hua.yaml'), 'utf8');
    const kept = await importRoster(roster);
    expect(kept.files).toHaveLength(0);
    expect(kept.skipped[0]?.message).toContain(`${STAFF_DIR}/li-hua.yaml 已经存在，没有覆盖`);
    expect(readFileSync(join(content, STAFF_DIR, 'li-hua.yaml'), 'utf8')).toBe(before);
    const replaced = await importRoster(roster, { overwrite: true });
    expect(replaced.files).toHaveLength(1);
    expect(readStaff('li-hua')).toMatchObject({ name: '李华', title: '经济师', photo: './li-hua.jpg' });
  });

  it('leaves out columns that must not be published, and says so', async () => {
    const plan = await importRoster(
      writeRoster(
        'roster.csv',
        csv([
          ['姓名*', '岗位（必填）', '身份证号', '手机'],
          ['张晓明', '综合受理岗', '330122199001011234', '13812345678'],
        ]),
      ),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.notes.map((n) => n.column)).toEqual(['身份证号', '手机']);
    const text = readFileSync(join(content, STAFF_DIR, 'zhang-xiaoming.yaml'), 'utf8');
    expect(text).not.toContain('330122199001011234');
    expect(text).not.toContain('13812345678');
  });

  it('finds the column names below a title row', async () => {
    const plan = await importRoster(
      writeRoster(
        'roster.csv',
        csv([
          ['综合受理窗口工作人员花名册', ''],
          ['姓名', '岗位'],
          ['张晓明', '综合受理岗'],
        ]),
      ),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.notes).toEqual([{ row: 1, message: '在列名行上面，没有导入' }]);
    expect(plan.files.map((f) => f.row)).toEqual([3]);
  });

  it('needs the 姓名 and 岗位 columns and a unit that exists', async () => {
    const plan = await importRoster(
      writeRoster(
        'roster.csv',
        csv([
          ['名单', '职称'],
          ['张晓明', '经济师'],
        ]),
      ),
    );
    expect(plan.errors.map((e) => e.message)).toEqual([expect.stringContaining('花名册第一行里没有“姓名”列'), expect.stringContaining('花名册第一行里没有“岗位”列')]);
    const noUnit = await planStaffImport({ roster: join(rosters, 'roster.csv'), unit: 'nowhere', contentDir: content, today: '2026-11-22' });
    expect(noUnit.errors[0]?.message).toContain('找不到单位 units/nowhere/unit.yaml');
  });

  it('runs as a command: a summary with the error, exit code 1, nothing written; a dry run writes nothing', async () => {
    const rows = ROWS.map((r) => [...r]);
    (rows[1] as string[])[4] = '1.38E+10';
    const bad = writeRoster('bad.csv', iconv.encode(csv([HEADER, ...rows]), 'gbk'));
    const before = staffFiles();
    const failed = await importCommand(['staff', bad, '--unit', 'chuangkou', '--content', content], { today: '2026-11-22' });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('（CSV，GBK 编码）');
    expect(failed.stdout).toContain('✗ 第 3 行“工号”列：1.38E+10 是被 Excel 改写成科学计数法的数字');
    expect(failed.stdout).toContain('读取 3 行，写入 0 个文件，跳过 0 行，错误 1 处。');
    expect(failed.stdout).toContain('有错误，没有写入任何文件');
    expect(staffFiles()).toEqual(before);

    const good = writeRoster('good.csv', csv([HEADER, ...ROWS]));
    const dry = await importCommand(['staff', good, '--unit', 'chuangkou', '--content', content, '--dry-run'], { today: '2026-11-22' });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`将写入 ${STAFF_DIR}/zhang-xiaoming.yaml`);
    expect(dry.stdout).toContain('试运行，没有写入文件');
    expect(staffFiles()).toEqual(before);

    const done = await importCommand(['staff', good, '--unit', 'chuangkou', '--content', content], { today: '2026-11-22' });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('读取 3 行，写入 3 个文件，跳过 0 行，错误 0 处。');
    expect(done.stdout).toContain(`! 提醒 ${STAFF_DIR}/li-si.yaml`);
    expect(staffFiles()).toEqual([...before, 'li-si.yaml', 'wang-fang.yaml', 'zhang-xiaoming.jpg', 'zhang-xiaoming.yaml'].sort());
  });

  it('explains its arguments when they are incomplete or of another kind, and exits 2 (a usage error)', async () => {
    const noUnit = await importCommand(['staff', 'roster.csv'], { today: '2026-11-22' });
    expect(noUnit.code).toBe(2);
    expect(noUnit.stderr).toMatch(/^✗ 参数不完整\n用法：npm run import -- staff /);
    const other = await importCommand(['posts', 'roster.csv', '--unit', 'chuangkou'], { today: '2026-11-22' });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('不能导入“posts”：能导入的是工作人员（staff）、办事指南（guide）和事项清单（guides）');
    const unknown = await importCommand(['staff', 'roster.csv', '--unit', 'chuangkou', '--units', 'x'], { today: '2026-11-22' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("'--units'");
  });

  it('is started from the command line: its arguments read, its summary printed and its exit code set', async () => {
    // The one test that starts a process: everything else runs the same command in-process.
    const rows = ROWS.map((r) => [...r]);
    (rows[1] as string[])[4] = '1.38E+10';
    const bad = writeRoster('bad.csv', csv([HEADER, ...rows]));
    const before = staffFiles();
    const run = await runScript('import.ts', ['staff', bad, '--unit', 'chuangkou', '--content', content]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ 第 3 行“工号”列：1.38E+10 是被 Excel 改写成科学计数法的数字');
    expect(run.stdout).toContain('有错误，没有写入任何文件');
    expect(run.stderr).toBe('');
    expect(staffFiles()).toEqual(before);
  });
});

describe('roster cells', () => {
  it('detects the encoding: BOM, valid UTF-8, else GBK', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.from('姓名,岗位', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('姓名,岗位', 'gbk'))).toBe('gbk');
    expect(decodeText(iconv.encode('欧阳娜娜,䶮', 'gb18030')).text).toBe('欧阳娜娜,䶮');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t岗位', 'utf16le')])).text).toBe('姓名\t岗位');
  });

  it('spells names in pinyin, surname first', () => {
    expect(pinyinSlug('张晓明')).toBe('zhang-xiaoming');
    expect(pinyinSlug('欧阳娜娜')).toBe('ouyang-nana');
    expect(pinyinSlug('单雄信')).toBe('shan-xiongxin');
    expect(pinyinSlug('吕 华')).toBe('lv-hua');
    expect(pinyinSlug('阿依古丽·买买提')).toBe('ayiguli-maimaiti');
    expect(pinyinSlug('John Smith')).toBe('john-smith');
    expect(uniqueSlugs(['李华', '李华', '李桦'])).toEqual(['li-hua', 'li-hua-2', 'li-hua-3']);
  });

  it('reads political status as a badge', () => {
    expect(badgeFor('中共党员')).toBe('party-member');
    expect(badgeFor('中共预备党员')).toBe('party-member');
    expect(badgeFor('共青团员')).toBe('league-member');
    expect(badgeFor('群众')).toBeNull();
    expect(badgeFor('')).toBeNull();
    expect(badgeFor('九三学社社员')).toBeNull();
    expect(badgeFor('党圆')).toBeUndefined();
  });

  it('finds lost leading zeros only where the column shows them', () => {
    const number = STAFF_COLUMNS.find((c) => c.field === 'number')!;
    const window = STAFF_COLUMNS.find((c) => c.field === 'window')!;
    expect(paddedWidth(['0213', '0214', '1215'])).toBe(4);
    expect(paddedWidth(['213', '214'])).toBeUndefined();
    expect(paddedWidth(['01', '0213'])).toBeUndefined();
    expect(codeProblem({ text: '215', kind: 'text' }, number, 4, '0213')).toContain('开头的 0 可能被 Excel 去掉了');
    expect(codeProblem({ text: '1215', kind: 'text' }, number, 4, '0213')).toBeUndefined();
    expect(codeProblem({ text: 'CK0101', kind: 'text' }, number, undefined, undefined)).toBeUndefined();
    expect(codeProblem({ text: '3', kind: 'number' }, window, undefined, undefined)).toBeUndefined();
    expect(codeProblem({ text: '3', kind: 'number' }, number, undefined, undefined)).toContain('在 Excel 里是数字格式');
    expect(codeProblem({ text: '1.10330122000123e+21', kind: 'number' }, window, undefined, undefined)).toContain('科学计数法');
  });

  it('reads dates written the ways people write them', () => {
    expect(normaliseDate('2026-3-1')).toBe('2026-03-01');
    expect(normaliseDate('2026/12/31')).toBe('2026-12-31');
    expect(normaliseDate('2026年3月1日')).toBe('2026-03-01');
    expect(normaliseDate('2026-02-30')).toBeUndefined();
    expect(normaliseDate('明年')).toBeUndefined();
  });
});
