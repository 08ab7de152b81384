/**
 * The example organisation, built once with the clock at 2026-11-22: every
 * page kind exists, every element of every source file reaches its page, and
 * nothing private or scripted does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { checkContent, type CheckedEntry } from '#lib/content/check.ts';
import { isEntryOf } from '#lib/content/entry.ts';
import { formatDate } from '#lib/dates.ts';
import { isBelowThreshold, levelCounts, ratesOf, responsesText } from '#lib/evaluations.ts';
import { formatVisits, isNotStated, showFee, showTimeLimit, statedList } from '#lib/format.ts';
import { splitPhones } from '#lib/phone.ts';
import { postComplaint, postGaps, postLines } from '#lib/posts.ts';
import { imagesWithMetadata } from '#node/build.ts';
import { ITEM_STATUS_LABELS, PLEDGE_STATUSES } from '#schemas/pledge.ts';
import { htmlFiles, page, text } from '../helpers/html.ts';
import { ROOT } from '../helpers/run.ts';

const out = inject('exampleDir');
const TODAY = '2026-11-22';
const content = checkContent(join(ROOT, 'content'), { today: TODAY });
const entries = <C extends CheckedEntry['collection']>(collection: C) => content.entries.filter(isEntryOf(collection));

describe('the example organisation', () => {
  it('has no content errors, and warns only of the two out-of-date items and the elements its sources do not publish, shown on purpose', () => {
    // An ended publicity period and an overdue pledge item demonstrate how the
    // site marks them; a guide whose item code its unit does not publish, one
    // whose legal basis it does not publish, a post that publishes its duties
    // only and a second campus whose guide says only 上午 show what real
    // material leaves out, as does a community station that publishes no
    // phone, item codes or statutory limits. The checker rightly reminds the
    // editor of each.
    expect(content.problems.map((p) => `${p.severity} ${p.kind} ${p.file} ${p.field ?? ''}`).sort()).toEqual([
      'warning hours-part-of-day units/zhuyuan/procedures/bingan-fuyin.md places[1].hours.regular[0].times[0]',
      'warning not-published units/budongchan/posts/shenhe-dengbu.yaml complaint',
      'warning not-published units/budongchan/posts/shenhe-dengbu.yaml phrases',
      'warning not-published units/budongchan/posts/shenhe-dengbu.yaml requirements',
      'warning not-published units/budongchan/posts/shenhe-dengbu.yaml timeLimits',
      'warning not-published units/chengnan/posts/zonghe-shouli.yaml phrases',
      'warning not-published units/chengnan/posts/zonghe-shouli.yaml timeLimits',
      'warning not-published units/chengnan/procedures/gaoling-jintie.md code',
      'warning not-published units/chengnan/procedures/gaoling-jintie.md timeLimit.statutory',
      'warning not-published units/chengnan/procedures/jumin-yibao-canbao.md code',
      'warning not-published units/chengnan/procedures/jumin-yibao-canbao.md legalBasis',
      'warning not-published units/chengnan/procedures/jumin-yibao-canbao.md timeLimit.statutory',
      'warning not-published units/chengnan/unit.yaml phone',
      'warning not-published units/jiezhong/procedures/jiezhongzheng-buban.md code',
      'warning not-published units/menzhen/procedures/yuyue-guahao.md legalBasis',
      'warning notice-ended notices/menzhen-jiage-tiaozheng-gongshi.md period.end',
      'warning overdue-pledge units/budongchan/pledges/2026-danwei.yaml items[2].status',
    ]);
  });

  it('is large enough to show every feature: 5+ units of 2+ kinds, 15+ procedures, 20+ staff', () => {
    const kinds = new Set(entries('units').map((u) => u.data.kind));
    expect(entries('units').length).toBeGreaterThanOrEqual(5);
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    expect(entries('procedures').length).toBeGreaterThanOrEqual(15);
    expect(entries('staff').length).toBeGreaterThanOrEqual(20);
    const statuses = new Set(entries('pledges').flatMap((p) => p.data.items.map((i) => i.status)));
    for (const status of Object.keys(PLEDGE_STATUSES)) expect(statuses).toContain(status);
  });

  it('builds every page kind', () => {
    const files = new Set(htmlFiles(out));
    const expected = ['index.html', '404.html', 'notices/index.html', 'search/index.html'];
    for (const u of entries('units')) {
      for (const sub of ['', 'procedures/', 'staff/', 'duties/', 'pledges/', 'evaluations/']) expected.push(`units/${u.id}/${sub}index.html`);
    }
    for (const p of entries('procedures')) expected.push(`units/${p.unit}/procedures/${p.slug}/index.html`);
    for (const s of entries('staff')) {
      const left = s.data.left;
      if (left === undefined || left > TODAY) expected.push(`units/${s.unit}/staff/${s.slug}/index.html`);
    }
    for (const f of expected) expect(files, f).toContain(f);
  });

  it('declares Chinese, carries no script but the large-text memory (and the search page’s), and shows supervision channels and an update date on every page', () => {
    for (const file of htmlFiles(out)) {
      // Print pages are sheets of paper and screen pages are players for hall
      // displays, not citizen pages: tested with the posters and the kiosk.
      if (file.startsWith('pagefind/') || (file.startsWith('print/') && file !== 'print/index.html')) continue;
      if (file.startsWith('kiosk/') && file !== 'kiosk/index.html') continue;
      const doc = page(out, file);
      expect(doc.documentElement.getAttribute('lang'), file).toBe('zh-CN');
      // The one script every page carries is the large-text switch's memory (src/lib/large-text.ts).
      // Structured data (JSON-LD) is a script element the browser never runs.
      if (file !== 'search/index.html') expect(doc.querySelectorAll('script:not([data-large-text]):not([type="application/ld+json"])').length, file).toBe(0);
      expect(doc.querySelectorAll('#supervision-title').length, file).toBe(1);
      expect(doc.querySelectorAll('.supervision .channels li').length, file).toBeGreaterThan(0);
      if (file !== '404.html') expect(text(doc.querySelector('.updated')), file).toMatch(/^更新日期：\d{4}年\d{1,2}月\d{1,2}日$/);
    }
  });

  it('prints the page address on paper', () => {
    const doc = page(out, 'units/menzhen/');
    expect(text(doc.querySelector('.print-only'))).toContain('https://gongkai.qingxi.example/units/menzhen/');
  });
});

describe('service guides', () => {
  const procedures = entries('procedures');

  it.each(procedures.map((p) => [p.id, p] as const))('%s shows every element of its guide', (_id, entry) => {
    const d = entry.data;
    const doc = page(out, `units/${entry.unit}/procedures/${entry.slug}/`);
    const body = text(doc.querySelector('main'));
    const expectText = (value: string) => expect(body, value).toContain(value.replace(/\s+/g, ' ').trim());
    expect(text(doc.querySelector('h1'))).toBe(d.name);
    for (const v of [d.code, d.summary, ...statedList(d.eligibility), ...statedList(d.legalBasis)]) if (!isNotStated(v)) expectText(v);
    for (const m of statedList(d.materials)) {
      expectText(m.name);
      if (m.note) expectText(m.note);
      if (m.condition) expectText(m.condition);
    }
    for (const s of statedList(d.steps)) {
      expectText(s.name);
      for (const v of [s.description, s.where, s.who, s.duration, s.condition]) if (v) expectText(v);
      for (const a of s.alternatives ?? []) expectText(a.name);
    }
    const tl = showTimeLimit(d.timeLimit);
    expectText(tl.promised);
    expectText(tl.statutory);
    for (const v of [...tl.qualifiers, d.feeNote, d.result, ...(d.delivery ?? [])]) if (v) expectText(v);
    const fee = showFee(d.fee);
    if (!fee.charged) expectText(fee.summary);
    else for (const f of fee.items) for (const v of [f.name, f.amount, f.basis]) expectText(v);
    for (const qa of d.faq ?? []) {
      expectText(qa.q);
      expectText(qa.a);
    }
    for (const o of [d.online ?? []].flat()) {
      if (o.url) expect(doc.querySelector(`a[href="${o.url}"]`), o.url).not.toBeNull();
      else if (o.label) expectText(o.label);
    }
    if (d.place) expectText(d.place);
    const phones = Array.isArray(d.phones) ? d.phones.map((p) => p.number) : [d.phones?.consult, d.phones?.complaint];
    // Each number as written (a local one is shown after the site's area code).
    for (const phone of phones) if (phone) for (const n of splitPhones(phone)) expectText(n.replace(/[—－–]/g, '-'));
    // The opening facts box: time, fee, visits, materials, phone.
    const facts = text(doc.querySelector('.facts'));
    expect(facts).toContain(tl.promised);
    expect(facts).toContain(formatVisits(d.visits));
    expect(facts).toContain(fee.charged ? (fee.items[0]?.amount as string) : fee.summary);
    expect(facts).toContain('咨询电话');
    // Sections citizens jump to.
    for (const id of ['eligibility', 'materials', 'steps', 'time-limit', 'fees', 'place', 'phones', 'legal-basis']) {
      expect(doc.getElementById(id), id).not.toBeNull();
    }
    expect(doc.querySelectorAll('a[href^="tel:"]').length).toBeGreaterThanOrEqual(2);
  });

  it('serves every blank form and sample it links to', () => {
    let links = 0;
    for (const entry of procedures) {
      const doc = page(out, `units/${entry.unit}/procedures/${entry.slug}/`);
      for (const a of doc.querySelectorAll('.downloads a')) {
        const href = decodeURIComponent(a.getAttribute('href') ?? '');
        expect(readFileSync(join(out, href)).length, href).toBeGreaterThan(0);
        links += 1;
      }
    }
    expect(links).toBeGreaterThanOrEqual(2);
  });
});

describe('unit boards', () => {
  it.each(entries('units').map((u) => [u.id] as const))('%s shows the four displays in order, then its latest evaluation', (unit) => {
    const doc = page(out, `units/${unit}/`);
    const displays = [...doc.querySelectorAll('main section[data-display]')].map((s) => s.getAttribute('data-display'));
    expect(displays).toEqual(['procedures', 'identities', 'duties', 'pledges']);
    const section = (name: string) => text(doc.querySelector(`section[data-display="${name}"]`));
    for (const p of entries('procedures').filter((e) => e.unit === unit)) expect(section('procedures')).toContain(p.data.name);
    for (const p of entries('posts').filter((e) => e.unit === unit)) expect(section('duties')).toContain(p.data.name);
    for (const p of entries('pledges').filter((e) => e.unit === unit)) expect(section('pledges')).toContain(p.data.title);
    const evaluations = entries('evaluations')
      .filter((e) => e.unit === unit)
      .map((e) => e.data)
      .sort((a, b) => b.end.localeCompare(a.end));
    const latest = evaluations[0];
    if (latest) {
      const shown = text(doc.querySelector('#evaluation-title')?.closest('section'));
      expect(shown).toContain(latest.period);
      // The rate the source gives, under its own name (满意率 or 好评率), or else its level.
      const rates = ratesOf(latest);
      for (const rate of rates) expect(shown).toContain(`${rate.name}${rate.value}%`);
      if (rates.length === 0) expect(shown).toContain(latest.level);
      // Only the latest: older periods are on the evaluations page.
      for (const older of evaluations.slice(1)) expect(shown).not.toContain(older.period);
    }
  });
});

describe('duties pages', () => {
  it.each(entries('posts').map((p) => [p.id, p] as const))('%s shows every duty, requirement, time limit, phrase and where to complain', (_id, entry) => {
    const d = entry.data;
    const doc = page(out, `units/${entry.unit}/duties/`);
    const card = doc.getElementById(entry.slug);
    expect(card, entry.slug).not.toBeNull();
    const shown = text(card);
    expect(text(card?.querySelector('h2'))).toBe(d.name);
    for (const line of [...d.duties, ...postLines(d.requirements), ...postLines(d.timeLimits), ...postLines(d.phrases), ...(d.fiveKnows ?? []), ...(d.fiveUnderstands ?? [])]) {
      expect(shown, line).toContain(line.replace(/\s+/g, ' ').trim());
    }
    const complaint = postComplaint(d);
    if (complaint) {
      expect(shown).toContain(complaint.department);
      expect(shown).toContain(complaint.phone);
    }
    // What the source does not give is said to be not published, by name.
    for (const gap of postGaps(d)) expect(text(card?.querySelector('.not-published'))).toContain(gap.title);
  });
});

describe('evaluations pages', () => {
  it.each(entries('evaluations').map((e) => [e.id, e] as const))('%s shows its figures, and explains itself when below 80%%', (_id, entry) => {
    const d = entry.data;
    const doc = page(out, `units/${entry.unit}/evaluations/`);
    const shown = text(doc.getElementById(`evaluation-${entry.slug}`)?.closest('section'));
    expect(shown).toContain(d.period);
    for (const rate of ratesOf(d)) expect(shown).toContain(`${rate.name} ${rate.value}%`);
    for (const { level, count } of levelCounts(d)) expect(shown).toContain(`${level} ${count} 人`);
    if (d.level) expect(shown).toContain(d.level);
    expect(shown).toContain(responsesText(d));
    for (const award of d.awards ?? []) expect(shown).toContain(award.name);
    if (isBelowThreshold(d)) {
      expect(shown).toContain(d.explanation as string);
      for (const m of d.measures ?? []) expect(shown).toContain(m);
    }
  });

  it('include at least one period below 80% in the example, to show how it is explained', () => {
    expect(entries('evaluations').some((e) => isBelowThreshold(e.data))).toBe(true);
  });
});

describe('list pages', () => {
  const pages = entries('units').flatMap((u) =>
    (
      [
        ['duties', 'section.post', 'posts'],
        ['pledges', 'section.pledge', 'pledges'],
        ['evaluations', 'section.evaluation', 'evaluations'],
      ] as const
    )
      // A list a unit has items on (a community station publishes no evaluation yet).
      .filter(([, , collection]) => entries(collection).some((e) => e.unit === u.id))
      .map(([sub, section]) => [`units/${u.id}/${sub}/`, section] as const),
  );

  it.each(pages)('%s dates each item, and the page carries the newest of those dates', (path, selector) => {
    const doc = page(out, path);
    const sections = [...doc.querySelectorAll(selector)];
    expect(sections.length, path).toBeGreaterThan(0);
    const dates = sections.map((s) => s.querySelector('.item-updated time')?.getAttribute('datetime') ?? '');
    for (const d of dates) expect(d, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const newest = [...dates].sort().at(-1) as string;
    expect(text(doc.querySelector('.updated'))).toBe(`更新日期：${formatDate(newest)}`);
  });
});

describe('staff boards', () => {
  const staff = entries('staff');

  it('shows everyone who has not left, with post, window and number', () => {
    for (const s of staff) {
      const d = s.data;
      const doc = page(out, `units/${s.unit}/staff/`);
      const names = [...doc.querySelectorAll('.staff-card .name')].map((n) => text(n));
      if (d.left !== undefined && d.left <= TODAY) {
        expect(names, `${s.id} has left`).not.toContain(d.name);
        continue;
      }
      expect(names, s.id).toContain(d.name);
      const card = [...doc.querySelectorAll('.staff-card')].find((c) => text(c.querySelector('.name')) === d.name);
      const cardText = text(card);
      const fields = Object.fromEntries([...(card?.querySelectorAll('dl > div') ?? [])].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]));
      if (d.window) expect(fields['窗口']).toBe(`${d.window} 号`);
      if (d.number) expect(fields[d.numberLabel ?? '工号']).toBe(d.number);
      if (!d.onDuty) expect(cardText).toContain('暂不在岗');
      if (!d.onDuty && d.absence) expect(cardText).toContain(d.absence);
      expect(card?.querySelector('img')?.getAttribute('alt')).toBe(`${d.name}的工作照`);
    }
  });

  it('shows party and league badges only for those who chose to show them', () => {
    for (const s of staff) {
      const d = s.data;
      if (d.left !== undefined && d.left <= TODAY) continue;
      const doc = page(out, `units/${s.unit}/staff/`);
      const card = [...doc.querySelectorAll('.staff-card')].find((c) => text(c.querySelector('.name')) === d.name);
      const badges = [...(card?.querySelectorAll('.badges .tag') ?? [])].map((b) => text(b));
      expect(badges.includes('党员'), s.id).toBe(d.badges?.includes('party-member') ?? false);
      expect(badges.includes('团员'), s.id).toBe(d.badges?.includes('league-member') ?? false);
    }
  });

  it('publishes photos as resized images without the originals or any metadata', async () => {
    expect(await imagesWithMetadata(out)).toEqual([]);
    const doc = page(out, 'units/menzhen/staff/');
    const picture = doc.querySelector('.staff-card picture');
    // WebP in two sizes for phones and 2× screens; the JPEG for browsers without WebP.
    const webp = picture?.querySelector('source[type="image/webp"]')?.getAttribute('srcset') ?? '';
    expect(webp).toMatch(/^\/_photos\/\S+-240\.webp 240w, \/_photos\/\S+-480\.webp 480w$/);
    const img = picture?.querySelector('img');
    expect(img?.getAttribute('src')).toMatch(/^\/_photos\/\S+-480\.jpg$/);
    for (const url of [img?.getAttribute('src') ?? '', ...webp.split(', ').map((s) => s.split(' ')[0] ?? '')]) {
      const meta = await sharp(join(out, url)).metadata();
      expect(meta.exif, url).toBeUndefined();
      expect(meta.width, url).toBeLessThanOrEqual(480);
    }
    // The originals (phone-sized, with whatever they carried) are not published at all.
    const originals = readdirSync(join(ROOT, 'content', 'units'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /[\\/]staff[\\/][^\\/]+\.jpe?g$/.test(f))
      .map((f) => basename(f).replace(/\.jpe?g$/, ''));
    expect(originals.length).toBeGreaterThan(0);
    const published = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(jpe?g|webp|png)$/i.test(f));
    expect(published.filter((f) => originals.some((name) => basename(f).startsWith(`${name}.`)))).toEqual([]);
  });
});

describe('pledges', () => {
  it('show each item with its status in words, and flag overdue items', () => {
    for (const p of entries('pledges')) {
      const d = p.data;
      const doc = page(out, `units/${p.unit}/pledges/`);
      const section = doc.getElementById(`pledge-${p.slug}`)?.closest('section');
      expect(section, p.id).not.toBeNull();
      const items = [...(section?.querySelectorAll('.items > li') ?? [])];
      expect(items).toHaveLength(d.items.length);
      d.items.forEach((item, i) => {
        const li = items[i];
        expect(text(li?.querySelector('.text'))).toBe(item.text);
        expect(li?.querySelector('[data-status]')?.getAttribute('data-status')).toBe(item.status);
        expect(text(li?.querySelector('[data-status]'))).toBe(ITEM_STATUS_LABELS[item.status]);
        const overdue = /^\d{4}-/.test(item.deadline) && item.deadline < TODAY && (item.status === 'in-progress' || item.status === 'not-started');
        expect(li?.querySelector('[data-overdue]') !== null, `${p.id} item ${i}`).toBe(overdue);
      });
      expect(section?.querySelectorAll('.reviews li').length).toBe(d.reviews?.length ?? 0);
    }
  });
});

describe('notices on 2026-11-22', () => {
  const notices = entries('notices').map((n) => ({ id: n.id, d: n.data }));

  it('publish nothing before its publicity period starts', () => {
    const future = notices.filter((n) => n.d.period && n.d.period.start > TODAY);
    expect(future.length).toBeGreaterThan(0);
    const files = new Set(htmlFiles(out));
    for (const n of future) expect(files).not.toContain(`notices/${n.id}/index.html`);
  });

  it('list open and ended publicity notices in their places with their state', () => {
    const index = page(out, 'notices/');
    const current = text(index.querySelector('main > .notices'));
    const open = notices.filter((n) => n.d.period && n.d.period.start <= TODAY && n.d.period.end >= TODAY);
    const ended = notices.filter((n) => n.d.period && n.d.period.end < TODAY);
    expect(open.length).toBeGreaterThan(0);
    expect(ended.length).toBeGreaterThan(0);
    for (const n of open) {
      expect(current).toContain(n.d.title);
      expect(page(out, `notices/${n.id}/`).querySelector('[data-state]')?.getAttribute('data-state')).toBe('open');
    }
    for (const n of ended) {
      expect(current).not.toContain(n.d.title);
      expect(text(index.querySelector('[aria-labelledby="ended-title"]'))).toContain(n.d.title);
      expect(page(out, `notices/${n.id}/`).querySelector('[data-state]')?.getAttribute('data-state')).toBe('ended');
    }
  });
});

describe('sitemap', () => {
  it('lists every page at its public address', () => {
    const xml = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    for (const file of htmlFiles(out)) {
      if (file === '404.html' || file.startsWith('pagefind/') || file.startsWith('print/') || file.startsWith('kiosk/')) {
        expect(xml, file).not.toContain(`/${file.replace(/index\.html$/, '')}</loc>`);
        continue;
      }
      expect(xml, file).toContain(`<loc>https://gongkai.qingxi.example/${file.replace(/index\.html$/, '')}</loc>`);
    }
  });
});
