/**
 * Privacy tiers, open data, JSON-LD and feeds, through the real build: one copy of the
 * small fixture with three units, one per tier (全部公开, 不公开照片和编号,
 * 只公开岗位), each with a member of staff of their own name, number and
 * photo. Every file the published build writes (pages, data files, search
 * index fragments and chunks, photos) is searched for what the tier hides;
 * the unit that shows everything is the control that the search would have
 * found it. One more build, for the printer as `npm run posters` makes it,
 * prints every badge whatever the tier.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import jsonld from 'jsonld';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { gitBlobHash } from '#lib/print/history.ts';
import { PLEDGE_STATUSES, type PledgeStatus } from '#schemas/pledge.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const SMALL = join(ROOT, 'test/fixtures/small');
const temp = mkdtempSync(join(tmpdir(), 'siliang-tiers-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Person {
  unit: string;
  tier: string;
  name: string;
  /** The staff file's name: the name in pinyin, as content folders write it. */
  slug: string;
  number: string;
  licence: string;
}
const PEOPLE: Person[] = [
  { unit: 'chuangkou', tier: '全部公开', name: '李华', slug: 'li-hua', number: 'CK0101', licence: '110330100000111' },
  { unit: 'chuangkou-b', tier: '不公开照片和编号', name: '周敏', slug: 'zhou-min', number: 'CKB0202', licence: '110330100000222' },
  { unit: 'chuangkou-c', tier: '只公开岗位', name: '钱卫东', slug: 'qian-weidong', number: 'CKC0303', licence: '110330100000333' },
];

/** The fixture with a unit per tier; returns each person's photo id (the photo's Git blob hash, which names its published files). */
async function content(): Promise<{ dir: string; photoIds: Map<string, string> }> {
  const dir = join(temp, 'content');
  cpSync(SMALL, dir, { recursive: true });
  const photoIds = new Map<string, string>();
  const source = join(dir, 'units/chuangkou/staff/li-hua.jpg');
  for (const [i, p] of PEOPLE.entries()) {
    if (p.unit === 'chuangkou') continue;
    const unitDir = join(dir, 'units', p.unit);
    cpSync(join(dir, 'units/chuangkou'), unitDir, { recursive: true });
    const unitFile = join(unitDir, 'unit.yaml');
    writeFileSync(unitFile, readFileSync(unitFile, 'utf8').replace(/^name: .*$/m, `name: 测试窗口${i}`));
  }
  for (const [i, p] of PEOPLE.entries()) {
    const unitDir = join(dir, 'units', p.unit);
    // A photo of its own for each, so that a published file can be told apart.
    const bytes = await sharp(readFileSync(source))
      .modulate({ brightness: 1 + i / 10 })
      .jpeg()
      .toBuffer();
    rmSync(join(unitDir, 'staff/li-hua.jpg'));
    writeFileSync(join(unitDir, `staff/${p.slug}.jpg`), bytes);
    photoIds.set(p.unit, gitBlobHash(bytes));
    const staff = join(unitDir, 'staff/li-hua.yaml');
    const text = readFileSync(staff, 'utf8');
    rmSync(staff);
    writeFileSync(
      join(unitDir, `staff/${p.slug}.yaml`),
      text
        .replace(/^name: .*$/m, `name: ${p.name}`)
        .replace(/^photo: .*$/m, `photo: ./${p.slug}.jpg`)
        .replace(/^number: .*$/m, `number: "${p.number}"\nlicence: "${p.licence}"`),
    );
    // Everywhere the model names the person: the unit's head, a personal pledge in a file named after them, an award and a rating.
    const unitFile = join(unitDir, 'unit.yaml');
    writeFileSync(unitFile, readFileSync(unitFile, 'utf8').replace(/^updated: /m, `head:\n  name: ${p.name}\n  position: 综合受理窗口负责人\nupdated: `));
    writeFileSync(
      join(unitDir, `pledges/2026-${p.slug}.yaml`),
      `title: 2026 年度党员先锋岗个人承诺\nyear: 2026\nby:\n  type: 工作人员\n  staff: ${p.slug}\nitems:\n  - text: 首问负责，一次告知\n    deadline: 长期\n    status: 进行中\n`,
    );
    const evaluation = join(unitDir, 'evaluations/2026-q3.yaml');
    writeFileSync(evaluation, `${readFileSync(evaluation, 'utf8').replace('staff: li-hua', `staff: ${p.slug}`)}people:\n  - staff: ${p.slug}\n    satisfaction: 98\n`);
  }
  const site = join(dir, 'site.yaml');
  writeFileSync(site, `${readFileSync(site, 'utf8')}privacy:\n  units:\n    chuangkou-b: 不公开照片和编号\n    chuangkou-c: 只公开岗位\n`);
  // A Git history with one change to a guide, for its 变更记录.
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=测试', '-c', 'user.email=test@example.invalid', ...args], {
      stdio: 'ignore',
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    });
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-qm', '初始内容'], '2026-09-01T10:00:00+08:00');
  const guide = join(dir, 'units/chuangkou/procedures/ceshi-shixiang.md');
  writeFileSync(guide, readFileSync(guide, 'utf8').replace(/^visits: 1$/m, 'visits: 0'));
  git(['commit', '-qam', '改为全程网办'], '2026-11-02T10:00:00+08:00');
  return { dir, photoIds };
}

/** Every file of a build as text: Pagefind's index files and the precompressed copies decompressed, photos by their names. */
function outputTexts(out: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const rel = relative(out, file);
    const bytes = readFileSync(file);
    // The precompressed copies a web server sends are read too: they are what leaves the server.
    if (/\.pf_(?:fragment|index|meta|filter)$/.test(entry.name) || entry.name.endsWith('.gz')) texts.set(rel, gunzipSync(bytes).toString('utf8'));
    else if (entry.name.endsWith('.br')) texts.set(rel, brotliDecompressSync(bytes).toString('utf8'));
    else if (/\.(?:jpe?g|webp|png|avif|gif|woff2?|pf_\w+)$/.test(entry.name)) texts.set(rel, '');
    else texts.set(rel, bytes.toString('utf8'));
  }
  return texts;
}

const made = content();
let webBuild: Promise<{ out: string; texts: Map<string, string> }> | undefined;
function web() {
  webBuild ??= made.then(async ({ dir }) => {
    const out = join(temp, 'web');
    await buildInto(dir, out);
    return { out, texts: outputTexts(out) };
  });
  return webBuild;
}

/** The files whose path or text holds `value`. */
function filesHolding(texts: Map<string, string>, value: string): string[] {
  return [...texts].filter(([rel, text]) => rel.includes(value) || text.includes(value)).map(([rel]) => rel);
}

describe('a published build with a privacy tier per unit', () => {
  it('shows everything of the unit whose tier is 全部公开, in pages, data files and the search index alike', async () => {
    const { texts } = await web();
    const [all] = PEOPLE as [Person];
    for (const value of [all.name, all.number]) {
      const found = filesHolding(texts, value);
      expect(found.some((f) => f.endsWith('.html'))).toBe(true);
      expect(found.some((f) => f.endsWith('.json'))).toBe(true);
      expect(found.some((f) => f.endsWith('.csv'))).toBe(true);
      expect(found.some((f) => f.startsWith('pagefind'))).toBe(true);
    }
    const { photoIds } = await made;
    expect(filesHolding(texts, photoIds.get('chuangkou') as string).some((f) => f.startsWith('_photos'))).toBe(true);
  });

  it('has no staff number, licence number or photo of the unit whose tier is 不公开照片和编号 in any file, but its staff names', async () => {
    const { texts } = await web();
    const b = PEOPLE[1] as Person;
    expect(filesHolding(texts, b.number)).toEqual([]);
    expect(filesHolding(texts, b.licence)).toEqual([]);
    expect(filesHolding(texts, (await made).photoIds.get(b.unit) as string)).toEqual([]);
    expect(filesHolding(texts, b.name).some((f) => f.startsWith(`units/${b.unit}/staff/`))).toBe(true);
  });

  it('names nobody of the unit whose tier is 只公开岗位 in any file, not even by their file name in pinyin, and has no page per person there', async () => {
    const { texts } = await web();
    const c = PEOPLE[2] as Person;
    for (const value of [c.name, c.slug, c.number, c.licence, (await made).photoIds.get(c.unit) as string]) expect(filesHolding(texts, value), value).toEqual([]);
    // The control: the unit that shows everything has its person's name and file name in pages, data and the search index.
    const [all] = PEOPLE as [Person];
    for (const value of [all.name, all.slug]) expect(filesHolding(texts, value).filter((f) => /\.(?:html|json|csv)$/.test(f)).length, value).toBeGreaterThan(2);
    expect([...texts.keys()].filter((f) => f.startsWith(`units/${c.unit}/staff/`) && !f.startsWith(`units/${c.unit}/staff/index.html`))).toEqual([]);
    // The staff page says where the people are shown instead, and the post is still published.
    expect(texts.get(`units/${c.unit}/staff/index.html`)).toContain('只公布岗位和职责');
    expect(texts.get(`units/${c.unit}/duties/index.html`)).toContain('综合受理');
  });

  it('names people of a 只公开岗位 unit by their post where the model knows them: the head, a personal pledge, an award, a rating', async () => {
    const { texts } = await web();
    const c = PEOPLE[2] as Person;
    const doc = JSON.parse(texts.get(`data/units/${c.unit}.json`) as string);
    expect(doc.unit.head).toEqual({ position: '综合受理窗口负责人' });
    const personal = doc.pledges.find((p: { by: { type: string } }) => p.by.type === 'staff');
    // A key made of the post and the person's place in it, which spells no name.
    expect(personal.by.staff).toBe('shouli-1');
    expect(personal.pledger).toBe('综合受理岗工作人员');
    expect(personal.id).toBe(`${c.unit}/2026-shouli-1`);
    const [evaluation] = doc.evaluations;
    expect(evaluation.awards[0].staff).toBe('shouli-1');
    expect(evaluation.people[0].staff).toBe('shouli-1');
    expect(evaluation.names).toEqual({ 'shouli-1': '综合受理岗工作人员' });
    const visibleUnit = visible(texts.get(`units/${c.unit}/index.html`) as string).replace(/\s+/g, ' ');
    expect(visibleUnit).toContain('综合受理窗口负责人');
    expect(visible(texts.get(`units/${c.unit}/pledges/index.html`) as string)).toContain('综合受理岗工作人员');
    // The published schema says the head may come without a name, so the document passes it (see the schema test below).
    const unitSchema = JSON.parse(texts.get('data/schemas/units.json') as string);
    expect(unitSchema.properties.head.required).toEqual(['position']);
  });

  it('leaves out the print sheets of the units whose tier hides something, and keeps the others', async () => {
    const { texts } = await web();
    const printed = (unit: string) => [...texts.keys()].filter((f) => f.startsWith(`print/units/${unit}/`));
    expect(printed('chuangkou').some((f) => f.startsWith('print/units/chuangkou/badges/'))).toBe(true);
    expect(printed('chuangkou-b')).toEqual([]);
    expect(printed('chuangkou-c')).toEqual([]);
  });
});

describe('the build for the printer (npm run posters)', () => {
  it('prints every unit’s badges with numbers and photos, whatever the web shows', async () => {
    const { dir, photoIds } = await made;
    const out = join(temp, 'print');
    await buildInto(dir, out, { env: { SILIANG_AUDIENCE: 'print' } });
    for (const p of PEOPLE) {
      const badges = readFileSync(join(out, `print/units/${p.unit}/badges/index.html`), 'utf8');
      expect(badges, p.unit).toContain(p.name);
      expect(badges, p.unit).toContain(p.number);
      expect(badges, p.unit).toContain(photoIds.get(p.unit));
    }
  });
});

describe('the open data files', () => {
  it('are dated by their content, not by the day of the build: built a day later, every data file and feed is the same bytes', async () => {
    const { dir } = await made;
    const { texts } = await web();
    const later = join(temp, 'web-next-day');
    // Nothing in the fixture changes state between these days (no publicity period opens or ends, no pledge falls due).
    await buildInto(dir, later, { now: '2026-11-23', print: 'none' });
    const next = outputTexts(later);
    const published = [...texts.keys()].filter((f) => /^data\/.+\.(?:json|csv)$/.test(f) || f === 'changes.xml' || f === 'notices/feed.xml');
    expect(published.length).toBeGreaterThan(10);
    expect(published.filter((f) => next.get(f) !== texts.get(f))).toEqual([]);
    // And no build date in the records to begin with (the schemas quote 2026-11-22 as an example date from the content schemas' hints).
    for (const f of published.filter((x) => !x.startsWith('data/schemas/'))) expect(texts.get(f), f).not.toContain('2026-11-22');
  });

  const read = async (path: string) => readFileSync(join((await web()).out, path), 'utf8');

  it('are one JSON per unit that passes its JSON Schema, with every record passing its own', async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const catalogue = JSON.parse(await read('data/catalog.json'));
    const schemaFiles = readdirSync(join((await web()).out, 'data/schemas'));
    for (const f of schemaFiles.filter((name) => name.endsWith('.json'))) ajv.addSchema(JSON.parse(await read(`data/schemas/${f}`)));
    const validate = ajv.getSchema(
      catalogue['dcat:dataset'].find((d: { 'dct:identifier': string }) => d['dct:identifier'].endsWith('chuangkou.json'))['dcat:distribution']['dct:conformsTo']['@id'],
    );
    expect(validate).toBeDefined();
    for (const p of PEOPLE) {
      const doc = JSON.parse(await read(`data/units/${p.unit}.json`));
      const ok = validate?.(doc);
      expect(ok, JSON.stringify(validate?.errors?.slice(0, 3))).toBe(true);
      expect(doc.procedures.length).toBeGreaterThan(0);
    }
  });

  it('state what the pages state: a procedure’s fee and promised time limit, a pledge item’s status', async () => {
    const doc = JSON.parse(await read('data/units/chuangkou.json'));
    const source = readFileSync(join(SMALL, 'units/chuangkou/procedures/ceshi-shixiang.md'), 'utf8');
    const procedure = doc.procedures.find((p: { id: string }) => p.id === 'chuangkou/ceshi-shixiang');
    const promised = /promised:\s*(.+)/.exec(source)?.[1]?.trim();
    expect(promised).toBeDefined();
    // A word like 当场办结 is published as its key, which the record's schema explains with its label.
    const schema = JSON.parse(await read('data/schemas/procedures.json'));
    // Every label the time limit's schema gives, wherever the model nests them (a limit may also be 未公布).
    const labels: Record<string, string> = {};
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (!node || typeof node !== 'object') return;
      const { labels: own, ...rest } = node as { labels?: Record<string, string> };
      Object.assign(labels, own ?? {});
      Object.values(rest).forEach(collect);
    };
    collect(schema.properties.timeLimit);
    expect(labels[procedure.timeLimit.promised] ?? String(procedure.timeLimit.promised)).toBe(promised);
    const amount = /amount:\s*(.+)/.exec(source)?.[1]?.trim();
    expect(procedure.fee.map((f: { amount: string }) => f.amount)).toEqual([amount]);
    // Each item's status as the source states it (已兑现 → its key), and the counts the page shows beside them.
    const pledge = doc.pledges.find((p: { id: string }) => p.id === 'chuangkou/2026');
    const statuses = [...readFileSync(join(SMALL, 'units/chuangkou/pledges/2026.yaml'), 'utf8').matchAll(/status:\s*(\S+)/g)].map((m) => m[1]);
    expect(pledge.items.map((i: { status: string }) => PLEDGE_STATUSES[i.status as PledgeStatus])).toEqual(statuses);
    expect(pledge.counts.kept).toBe(statuses.filter((x) => x === '已兑现').length);
  });

  it('are CSV files Excel reads as UTF-8: a byte-order mark, Chinese headings, one row per record', async () => {
    const out = (await web()).out;
    const bytes = readFileSync(join(out, 'data/staff.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toContain('姓名（name）');
    // The 只公开岗位 unit has no row; the others one each.
    expect(lines).toHaveLength(3);
  });

  it('are all listed in the catalogue with their update dates, and linked from the 开放数据 page', async () => {
    const { texts } = await web();
    const catalogue = JSON.parse(texts.get('data/catalog.json') as string);
    const urls = catalogue['dcat:dataset'].map((d: { 'dcat:distribution': { 'dcat:downloadURL': { '@id': string } } }) => d['dcat:distribution']['dcat:downloadURL']['@id']);
    const files = [...texts.keys()].filter((f) => /^data\/(?:[^/]+\.csv|units\/[^/]+\.json)$/.test(f));
    expect(files.length).toBe(7 + PEOPLE.length);
    for (const f of files) expect(urls).toContain(`https://gongkai.ceshi.example/${f}`);
    // Each file's date is the newest of its items' (none when no item has one: this copy has no Git history).
    const modified = (id: string) => catalogue['dcat:dataset'].find((d: Record<string, unknown>) => d['dct:identifier'] === id)?.['dct:modified']?.['@value'];
    const procedureUpdated = /^updated:\s*(\S+)$/m.exec(readFileSync(join(SMALL, 'units/chuangkou/procedures/ceshi-shixiang.md'), 'utf8'))?.[1];
    expect(modified('data/procedures.csv')).toBe(procedureUpdated);
    for (const p of PEOPLE) expect(modified(`data/units/${p.unit}.json`)).toBe(JSON.parse(texts.get(`data/units/${p.unit}.json`) as string).unit.updated);
    const page = texts.get('data/index.html') as string;
    for (const f of files) expect(page).toContain(`/${f}`);
  });

  it('and the statements are linked from every page’s footer', async () => {
    const { texts } = await web();
    const pages = [...texts].filter(([f]) => f.endsWith('.html') && !f.startsWith('print/') && !f.startsWith('kiosk/'));
    expect(pages.length).toBeGreaterThan(5);
    for (const [f, html] of pages) {
      for (const link of ['/accessibility/', '/privacy/', '/data/']) expect(html, f).toContain(`href="${link}"`);
    }
    expect(texts.get('accessibility/index.html')).toContain('0570-1234 5678');
  });
});

/** What the tests read of the blocks (the builders are typed by schema-dts in src/lib/structured-data.ts). */
interface ProcedureLd {
  '@type': string;
  offers: { description: string };
  availableChannel: Array<{ description: string; servicePhone: { telephone: string } }>;
  provider: { contactPoint: Array<{ telephone: string }> };
}
interface UnitLd {
  '@type': string;
  openingHoursSpecification: Array<{ dayOfWeek: string | string[]; opens?: string; closes?: string; description?: string }>;
  contactPoint: Array<{ contactType: string }>;
}
interface StaffLd {
  employee: Array<{ name: string; identifier?: string }>;
}

/** The JSON-LD blocks of a page, parsed. */
function jsonLdOf(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string));
}

/**
 * Expands a block with a JSON-LD processor in safe mode, which fails on any
 * term or value it would drop. schema.org's own context cannot be fetched
 * here, and no well-kept npm package ships it (December 2026: schemaorg-jsd
 * ships a partial vocabulary graph, not the context; schema-dts, which types
 * the blocks in src/lib/structured-data.ts, ships types only); its core is
 * the vocabulary, which this stands in for.
 */
async function expandSafely(doc: Record<string, unknown>): Promise<unknown[]> {
  const documentLoader = async (url: string) => {
    if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`unexpected context ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
  };
  return jsonld.expand(doc, { documentLoader, safe: true } as Parameters<typeof jsonld.expand>[1]);
}

/** The visible text of a page, tags removed. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');

describe('JSON-LD', () => {
  it('on a procedure, a unit and a staff page parses and expands without a dropped term', async () => {
    const { texts } = await web();
    for (const page of ['units/chuangkou/procedures/ceshi-shixiang/index.html', 'units/chuangkou/index.html', 'units/chuangkou/staff/index.html']) {
      const blocks = jsonLdOf(texts.get(page) as string);
      expect(blocks, page).toHaveLength(1);
      const expanded = await expandSafely(blocks[0] as Record<string, unknown>);
      expect(expanded.length, page).toBe(1);
    }
  });

  it('states what the procedure page states: the fee, the promised time limit, the phones', async () => {
    const { texts } = await web();
    const html = texts.get('units/chuangkou/procedures/ceshi-shixiang/index.html') as string;
    const page = visible(html);
    const [ld] = jsonLdOf(html) as unknown as [ProcedureLd];
    expect(ld['@type']).toBe('GovernmentService');
    const source = readFileSync(join(SMALL, 'units/chuangkou/procedures/ceshi-shixiang.md'), 'utf8');
    const amount = /amount:\s*(.+)/.exec(source)?.[1]?.trim() as string;
    expect(ld.offers.description).toContain(amount);
    expect(page).toContain(amount);
    const counter = ld.availableChannel[0] as ProcedureLd['availableChannel'][number];
    expect(counter.description).toContain('当场办结');
    expect(page).toContain('当场办结');
    const phones = [counter.servicePhone.telephone, ...ld.provider.contactPoint.map((c) => c.telephone)];
    expect(phones.length).toBeGreaterThanOrEqual(2);
    for (const phone of phones) expect(page).toContain(phone);
    expect(phones).toContain('0570-1234 9999');
  });

  it('states the unit’s address, hours with the holiday rule, and complaint channels', async () => {
    const { texts } = await web();
    const html = texts.get('units/chuangkou/index.html') as string;
    const [ld] = jsonLdOf(html) as unknown as [UnitLd];
    expect(ld['@type']).toBe('GovernmentOffice');
    const specs = ld.openingHoursSpecification;
    expect(specs.find((s) => s.dayOfWeek === 'https://schema.org/PublicHolidays')?.description).toBe('法定节假日休息');
    expect(specs.filter((s) => Array.isArray(s.dayOfWeek)).map((s) => `${s.opens}-${s.closes}`)).toEqual(['08:30-12:00', '14:00-17:30']);
    expect(ld.contactPoint.map((c) => c.contactType)).toContain('中心督查室');
  });

  it('names staff only as the tier lets the web: a number under 全部公开, none under 不公开照片和编号, nobody under 只公开岗位', async () => {
    const { texts } = await web();
    const staffOf = (unit: string) => (jsonLdOf(texts.get(`units/${unit}/staff/index.html`) as string)[0] as unknown as StaffLd).employee;
    expect(staffOf('chuangkou')).toEqual([expect.objectContaining({ name: '李华', identifier: 'CK0101' })]);
    expect(staffOf('chuangkou-b')).toEqual([expect.not.objectContaining({ identifier: expect.anything() })]);
    expect(staffOf('chuangkou-b')[0]?.name).toBe('周敏');
    expect(staffOf('chuangkou-c')).toEqual([]);
  });
});

describe('Atom feeds', () => {
  it('of notices is valid Atom with an entry per published notice and each publicity period, linked from the notices page', async () => {
    const { texts } = await web();
    const feed = parseFeed(texts.get('notices/feed.xml') as string);
    const notices = [...texts.keys()].filter((f) => /^notices\/[^/]+\/index\.html$/.test(f));
    expect(feed.items.length).toBe(notices.length);
    const open = feed.items.find((i) => i.title === readFileSync(join(SMALL, 'notices/gongshi-open.md'), 'utf8').match(/^title:\s*(.+)$/m)?.[1]);
    expect(open?.description).toMatch(/公示期：.*（公示中）/);
    expect(texts.get('notices/index.html')).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/notices\/feed\.xml"/);
  });

  it('of changes lists updated guides and fulfilled pledge items, and nothing not yet kept', async () => {
    const { texts } = await web();
    const feed = parseFeed(texts.get('changes.xml') as string);
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('承诺已兑现：材料齐全当场受理');
    expect(titles.some((t) => t?.startsWith('办事指南更新：'))).toBe(true);
    expect(titles.join()).not.toContain('上线预约取号');
    expect(texts.get('index.html')).toContain('href="/changes.xml"');
  });
});

describe('变更记录', () => {
  it('on a procedure page says which field changed, from what to what, on the day of the commit', async () => {
    const { texts } = await web();
    const page = visible(texts.get('units/chuangkou/procedures/ceshi-shixiang/index.html') as string).replace(/\s+/g, ' ');
    expect(page).toContain('变更记录');
    expect(page).toMatch(/2026年11月2日\s*：\s*到现场次数：由 1 改为 0/);
    // The unchanged copies of the guide in the other units have no change to list.
    expect(texts.get('units/chuangkou-b/procedures/ceshi-shixiang/index.html')).not.toContain('变更记录');
  });
});
