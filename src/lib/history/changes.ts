/**
 * 变更记录: what changed in a procedure, a pledge or a unit, field by field,
 * in words a citizen understands ("收费标准：由 工本费 20 元 改为 不收费"),
 * from the states the content folder's Git history holds
 * (src/lib/print/history.ts reads them for the print version codes too).
 * Not a diff: each field is named by its title in the schema and its value
 * shown as the pages show it; a field too large to quote (a list of
 * materials, the steps) is named as changed.
 */
import { z } from 'astro/zod';
import { collectionSchema, type CollectionName } from '#schemas/collections.ts';
import { isNotStated, NOT_STATED } from '#schemas/common.ts';
import { feeSummary, formatLimit, type Fee } from '../format.ts';

export interface FieldChange {
  /** The field's title: 收费标准. */
  field: string;
  /** Before and after as shown; absent when the field is too large to quote, or was not there. */
  from?: string;
  to?: string;
}

export interface Change {
  /** The day of the commit that made it, in the organisation's time zone. */
  date: string;
  /** The item was added then (no field list). */
  added?: boolean;
  fields: FieldChange[];
}

/** Most changes a page lists, and how far back: the print version notes' bound too. */
export const CHANGE_LIMIT = 20;
export const CHANGE_DAYS = 366;

interface FieldWords {
  /** Each top-level field's title. */
  titles: Record<string, string>;
  /** For a field whose values are keys (`national`), the words each key stands for (跨省通办). */
  labels: Record<string, Record<string, string>>;
}

type PropertySchema = { title?: string; labels?: Record<string, string>; anyOf?: PropertySchema[]; items?: PropertySchema };

const wordsCache = new Map<CollectionName, FieldWords>();

/** The words of a collection's fields from its schema: titles, and the labels of labelled values (on the field, its alternatives or its list's items). */
function fieldWords(collection: CollectionName): FieldWords {
  let words = wordsCache.get(collection);
  if (!words) {
    const json = z.toJSONSchema(collectionSchema(collection, { image: () => z.string(), file: () => z.string() } as never), { io: 'output', unrepresentable: 'any' }) as {
      properties?: Record<string, PropertySchema>;
    };
    const properties = Object.entries(json.properties ?? {});
    const labelsOf = (v: PropertySchema): Record<string, string> =>
      Object.assign({}, v.labels, ...(v.anyOf ?? []).map(labelsOf), v.items ? labelsOf(v.items) : {}) as Record<string, string>;
    words = {
      titles: Object.fromEntries(properties.flatMap(([k, v]) => (v.title ? [[k, v.title]] : []))),
      labels: Object.fromEntries(properties.map(([k, v]) => [k, labelsOf(v)])),
    };
    wordsCache.set(collection, words);
  }
  return words;
}

/** Each top-level field's title from the collection's schema. */
export function fieldTitles(collection: CollectionName): Record<string, string> {
  return fieldWords(collection).titles;
}

/** Fields whose change says nothing to a citizen. */
const IGNORED = new Set(['updated', 'order']);

/** A value as the pages show it, or undefined when it is too large to quote in a sentence. `labels`: the words for the field's keys. */
function shown(field: string, value: unknown, labels: Record<string, string> = {}): string | undefined {
  if (value === undefined || value === null) return '（未填写）';
  if (isNotStated(value)) return NOT_STATED[value];
  if (typeof value === 'string' && Object.hasOwn(labels, value)) return labels[value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && Object.hasOwn(labels, v))) return value.map((v: string) => labels[v]).join('、');
  if (field === 'fee') return feeSummary(value as Fee);
  if (field === 'timeLimit' && typeof value === 'object') {
    type Limit = Parameters<typeof formatLimit>[0];
    type Unit = Parameters<typeof formatLimit>[1];
    const t = value as { statutory: Limit; statutoryUnit?: Unit; promised: Limit; promisedUnit?: Unit };
    return `法定 ${formatLimit(t.statutory, t.statutoryUnit)}，承诺 ${formatLimit(t.promised, t.promisedUnit)}`;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.join('、').length <= 60) return value.join('、');
  return undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two states of an item's data, each in words. */
export function fieldChanges(collection: CollectionName, before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const { titles, labels } = fieldWords(collection);
  const keys = [...new Set([...Object.keys(titles), ...Object.keys(before), ...Object.keys(after)])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    if (IGNORED.has(key) || same(before[key], after[key])) continue;
    const from = shown(key, before[key], labels[key]);
    const to = shown(key, after[key], labels[key]);
    // Values that read the same (a change in a part the words leave out) are named as changed, not quoted.
    changes.push({ field: titles[key] ?? key, ...(from !== undefined && to !== undefined && from !== to ? { from, to } : {}) });
  }
  return changes;
}

/**
 * An item's changes, newest first, from its states newest first (undefined
 * where it did not exist): each state compared with the one before it. The
 * oldest state known is the start, not an addition, unless the item was
 * missing before it. Bounded by CHANGE_LIMIT and CHANGE_DAYS before `today`.
 */
export function itemChanges(collection: CollectionName, states: ReadonlyArray<{ date: string; data: Record<string, unknown> | undefined }>, today: string): Change[] {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - CHANGE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const changes: Change[] = [];
  for (let i = 0; i < states.length - 1; i++) {
    const after = states[i] as { date: string; data: Record<string, unknown> | undefined };
    const before = states[i + 1] as { date: string; data: Record<string, unknown> | undefined };
    if (!after.data) continue;
    if (after.date < since) break;
    if (!before.data) changes.push({ date: after.date, added: true, fields: [] });
    else {
      const fields = fieldChanges(collection, before.data, after.data);
      if (fields.length > 0) changes.push({ date: after.date, fields });
    }
    if (changes.length >= CHANGE_LIMIT) break;
  }
  return changes;
}

/**
 * Changes with no value quoted that names one of `names`: the field is
 * still named as changed. For a unit whose tier keeps its people's names off
 * the web (只公开岗位): the checker sees only today's text, and an old
 * pledge title or comment in Git may still name someone.
 */
export function withoutNames(changes: readonly Change[], names: readonly string[]): Change[] {
  if (names.length === 0) return [...changes];
  const named = names.filter((n) => n.length > 0);
  const naming = (text: string | undefined) => text !== undefined && named.some((n) => text.includes(n));
  return changes.map((c) => ({
    ...c,
    fields: c.fields.map((f) => (naming(f.from) || naming(f.to) ? { field: f.field } : f)),
  }));
}
