/**
 * The organisation as data for others (the provincial platform, supervisors,
 * journalists, map services): one record per item, made from the same model
 * the pages show, so the data files say exactly what the pages say, under
 * the same privacy tiers (src/lib/privacy/tiers.ts; the model handed in is
 * the website's).
 *
 * Generic on purpose: a record is the item's parsed content (every field its
 * schema knows, whatever fields the model grows) plus what the site works out
 * for it (its address, its update date, the place, hours and phones that
 * apply to it). Only pictures are changed, to their public address, and staff
 * photos are left out (a photo is not data; the staff pages show them where
 * the tier allows).
 */
import { isNotStated, NOT_STATED } from '#schemas/common.ts';
import type { SiteModel, UnitModel } from '../model.ts';
import { absoluteUrl, paths } from '../urls.ts';

/** The content types published as data, in the order the catalogue lists them. */
export const DATASET_TYPES = ['units', 'procedures', 'posts', 'staff', 'pledges', 'evaluations', 'notices'] as const;
export type DatasetType = (typeof DATASET_TYPES)[number];

export const DATASET_TITLES: Record<DatasetType, string> = {
  units: '窗口单位',
  procedures: '办事指南',
  posts: '岗位职责',
  staff: '工作人员',
  pledges: '服务承诺',
  evaluations: '评价结果',
  notices: '公告公示',
};

export type DataRecord = Record<string, unknown>;

export interface OpenDataOptions {
  /** The site's public address (site.yaml → url). */
  siteUrl: string;
  /** The public address of a picture from the model (Astro's image metadata on the site). */
  imageUrl?: (image: object) => string | undefined;
}

/** Astro's image metadata, as the model holds pictures. */
function isImage(value: object): value is { src: string } {
  return 'src' in value && 'width' in value && 'format' in value;
}

/** A value from the model as plain JSON: pictures as addresses, nothing undefined. */
export function plain(value: unknown, options: OpenDataOptions): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => plain(v, options)).filter((v) => v !== undefined);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if (isImage(value)) return options.imageUrl?.(value) ?? undefined;
    const out: DataRecord = {};
    for (const [k, v] of Object.entries(value)) {
      const p = plain(v, options);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return value;
}

const record = (value: unknown, options: OpenDataOptions) => plain(value, options) as DataRecord;

type Unit = UnitModel<unknown>;

/** Every record of one type for one unit (notices: the unit's own). */
export function unitRecords(unit: Unit, type: Exclude<DatasetType, 'units'>, options: OpenDataOptions): DataRecord[] {
  const url = (path: string) => absoluteUrl(options.siteUrl, path);
  const head = (id: string, path: string | undefined, updated: string | undefined) => ({
    id,
    unit: unit.id,
    ...(path ? { url: url(path) } : {}),
    ...(updated ? { updated } : {}),
  });
  switch (type) {
    case 'procedures':
      return unit.procedures.map((p) => ({
        ...head(p.id, paths.procedure(unit.id, p.slug), p.updated),
        ...record(p.data, options),
        // What applies when the guide itself does not say: the unit's (or the organisation's) place, hours and phones.
        effective: record({ place: p.place, hours: p.hours, consultPhone: p.consultPhone, complaintPhone: p.complaintPhone }, options),
      }));
    case 'posts':
      return unit.posts.map((p) => ({
        ...head(p.id, `${paths.duties(unit.id)}#post-${p.slug}`, p.updated),
        ...record(p.data, options),
        staff: p.staff.map((s) => s.data.name),
      }));
    case 'staff':
      return unit.staff.map((s) => {
        const { photo: _photo, ...data } = s.data;
        return { ...head(s.id, paths.person(unit.id, s.slug), s.updated), ...record(data, options), postName: s.postName };
      });
    case 'pledges':
      return unit.pledges.map((p) => ({
        ...head(p.id, `${paths.pledges(unit.id)}#pledge-${p.slug}`, p.updated),
        ...record(p.data, options),
        pledger: p.pledger,
        counts: { ...p.counts },
        overdue: p.overdue,
      }));
    case 'evaluations':
      return unit.evaluations.map((e) => ({
        ...head(e.id, `${paths.evaluations(unit.id)}#evaluation-${e.slug}`, e.updated),
        ...record(e.data, options),
        // Award winners and people by name, as the page names them (by post under the strictest tier).
        names: { ...e.names },
        belowThreshold: e.belowThreshold,
      }));
    case 'notices':
      return unit.notices.map((n) => ({ ...head(n.id, paths.notice(n.id), n.updated), ...record(n.data, options), state: n.state }));
  }
}

/** The unit's own record: its file, and the phone, hours and channels that apply to it. */
export function unitRecord(unit: Unit, options: OpenDataOptions): DataRecord {
  return {
    id: unit.id,
    url: absoluteUrl(options.siteUrl, paths.unit(unit.id)),
    ...record(unit.data, options),
    // The latest change to the unit or anything on its board, over unit.yaml's own date.
    ...(unit.updated ? { updated: unit.updated } : {}),
    effective: record({ phone: unit.phone, hours: unit.hours, channels: unit.channels }, options),
  };
}

/**
 * `/data/units/<unit>.json`: the unit and everything on its board. Dated by
 * its content (the newest change to the unit or anything on it), never by
 * the day of the build: a build tomorrow of the same content writes the same
 * file, so an upload moves only what changed, and two builds of one commit
 * with the same clock are the same bytes.
 */
export function unitDocument(site: SiteModel<unknown>, unit: Unit, options: OpenDataOptions): DataRecord {
  return {
    organisation: site.site.name,
    ...(unit.updated ? { updated: unit.updated } : {}),
    unit: unitRecord(unit, options),
    procedures: unitRecords(unit, 'procedures', options),
    posts: unitRecords(unit, 'posts', options),
    staff: unitRecords(unit, 'staff', options),
    pledges: unitRecords(unit, 'pledges', options),
    evaluations: unitRecords(unit, 'evaluations', options),
    notices: unitRecords(unit, 'notices', options),
  };
}

/** Every record of a type across the organisation: what one CSV file holds. */
export function datasetRecords(site: SiteModel<unknown>, type: DatasetType, options: OpenDataOptions): DataRecord[] {
  if (type === 'units') return site.units.map((u) => unitRecord(u, options));
  if (type === 'notices') {
    return site.notices.map((n) => ({
      id: n.id,
      ...(n.unit ? { unit: n.unit.id } : {}),
      url: absoluteUrl(options.siteUrl, paths.notice(n.id)),
      ...(n.updated ? { updated: n.updated } : {}),
      ...record(n.data, options),
      state: n.state,
    }));
  }
  return site.units.flatMap((u) => unitRecords(u, type, options));
}

/** When a dataset last changed: the newest update date among its records. */
export function datasetUpdated(records: readonly DataRecord[]): string | undefined {
  let newest: string | undefined;
  for (const r of records) if (typeof r.updated === 'string' && (!newest || r.updated > newest)) newest = r.updated;
  return newest;
}

/** A value as a spreadsheet cell shows it: 未公布 / 待填写 in words, lists one item a line. */
function cellText(value: unknown): string {
  if (isNotStated(value)) return NOT_STATED[value];
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

/** One record as spreadsheet columns: nested fields as `a.b`, lists of values joined by “；”, lists of objects one a line. */
export function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) {
    if (value.every(isScalar)) out[prefix] = value.map(cellText).join('；');
    else
      out[prefix] = value
        .map((v) =>
          isScalar(v)
            ? cellText(v)
            : Object.entries(flatten(v))
                .map(([k, x]) => `${k}：${x}`)
                .join('，'),
        )
        .join('\n');
    return out;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out[prefix] = cellText(value);
  return out;
}

const BOM = '\uFEFF';

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Records as CSV for people who open it in Excel: UTF-8 with a byte-order
 * mark (without one Excel reads Chinese as GBK and garbles it), CRLF line
 * ends, one column per field any record has, in the order first met.
 * `titles` gives a column its Chinese heading (`名称（name）`).
 */
export function toCsv(records: readonly DataRecord[], titles: Readonly<Record<string, string>> = {}): string {
  const rows = records.map((r) => flatten(r));
  // A Set keeps the order in which keys were first added.
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const heading = columns.map((c) => (titles[c] ? `${titles[c]}（${c}）` : c));
  const lines = [heading, ...rows.map((row) => columns.map((c) => row[c] ?? ''))].map((cells) => cells.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
