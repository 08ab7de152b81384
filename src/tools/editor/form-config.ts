/**
 * The form editor's configuration (`npm run edit`), generated from the Zod
 * schemas in src/schemas/ at start-up, never listed by hand: every
 * collection, every field with its Chinese title, the doc comment written for
 * the officer as its hint, its default, whether it is required, lists,
 * enumerations with their Chinese labels, and references as choosers of
 * existing items. A field added to a schema appears in the form the next
 * time the editor starts; test/unit/editor-form-config.test.ts fails when a
 * schema field has no form field.
 *
 * It reads what a person types (Zod's "input" side), like the JSON Schemas
 * for VS Code (./json-schema.ts), whose descriptions it reuses: the two are
 * built from the same `z.toJSONSchema` walk, so property paths match.
 */
import { z } from 'astro/zod';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionLayout, type CollectionName } from '#schemas/collections.ts';
import type { SchemaContext } from '#schemas/context.ts';
import { generateJsonSchemas, type JsonSchema } from './json-schema.ts';

/** One choice of a choice field: a fixed value (one click) or a value of its own kind. */
export interface ChoiceOption {
  /** What the radio button says. */
  label: string;
  /** The value written when chosen, for fixed values. */
  value?: string;
  /** Other spellings that mean the same fixed value (the English key of a Chinese label). */
  aliases?: string[];
  /** For a value of its own kind: the field to fill in. */
  field?: FormField;
}

export type Widget =
  | { type: 'text'; multiline: boolean; quote: boolean }
  | { type: 'phone' }
  | { type: 'date' }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'enum'; options: Array<{ value: string; label: string; aliases: string[] }> }
  | { type: 'reference'; target: string }
  | { type: 'image' }
  | { type: 'attachment' }
  | { type: 'object'; fields: FormField[]; defaultFrom?: string }
  | { type: 'list'; item: FormField; minItems?: number }
  | { type: 'choice'; options: ChoiceOption[] }
  | { type: 'raw' };

export interface FormField {
  /** The YAML key; '' for the item of a list or a choice's value. */
  key: string;
  title: string;
  /** The doc comment of the field in src/schemas, for the officer. */
  hint?: string;
  /** What a valid value looks like, in words. */
  expected?: string;
  example?: string;
  required: boolean;
  default?: unknown;
  /**
   * The field also accepts 未公布 / 待填写 (`orNotStated` and its kin in
   * src/schemas/common.ts): the two values, offered beside the field's own
   * widget, so that the widget stays what it was and the common case one click.
   */
  notStated?: Array<{ value: string; label: string; aliases: string[] }>;
  widget: Widget;
}

export interface CollectionForm {
  name: CollectionName;
  title: string;
  format: 'yaml' | 'markdown';
  /** Where files live: `units/*\/procedures`. */
  dir: string;
  /** Fixed file name, for `site` and `unit`. */
  fileName?: string;
  extension: string;
  fields: FormField[];
}

export interface FormConfig {
  collections: CollectionForm[];
}

/**
 * Pictures and attachments marked for the form: the checker's context checks
 * files on disk, Astro's resolves them; the form needs to know only which
 * fields hold them. A field's own `.meta()` inherits these marks.
 */
const FORM_CONTEXT: SchemaContext = {
  image: () => z.string().meta({ title: '图片', widget: 'image' }),
  file: () => z.string().meta({ title: '附件', widget: 'attachment' }),
};

/** The form configuration of every collection. */
export function generateFormConfig(): FormConfig {
  const described = generateJsonSchemas().schemas;
  const siteHours = shapeKeys(rawSchema('site').properties, 'hours');
  const collections = COLLECTION_NAMES.map((name): CollectionForm => {
    const layout: CollectionLayout = COLLECTIONS[name];
    const raw = rawSchema(name);
    const walker = new Walker(siteHours);
    const root = walker.field('', raw, true, described.get(name));
    const fields = root.widget.type === 'object' ? root.widget.fields : [];
    return {
      name,
      title: layout.title,
      format: layout.format,
      dir: layout.dir,
      ...(layout.name !== undefined ? { fileName: layout.name } : {}),
      extension: layout.extensions[0] as string,
      fields,
    };
  });
  return { collections };
}

function rawSchema(name: CollectionName): JsonSchema {
  const layout: CollectionLayout = COLLECTIONS[name];
  return z.toJSONSchema(layout.schema(FORM_CONTEXT), {
    target: 'draft-07',
    io: 'input',
    // A calendar date is text or a Date (Astro's reader); the Date side says which fields are dates.
    unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === 'date' ? { type: 'string', format: 'date' } : 'any'),
    override: ({ zodSchema, jsonSchema }) => {
      // Zod leaves out the default of a transforming schema (a labelled enum) on the input side; the form shows it.
      const def = zodSchema._zod.def as { type: string; defaultValue?: unknown };
      if (def.type === 'default' && jsonSchema.default === undefined) jsonSchema.default = def.defaultValue as never;
    },
  }) as JsonSchema;
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The sorted property names of `properties[key]`, to recognise the same shape elsewhere. */
function shapeKeys(properties: unknown, key: string): string | undefined {
  const node = isObject(properties) ? properties[key] : undefined;
  return isObject(node) && isObject(node.properties) ? Object.keys(node.properties).sort().join(',') : undefined;
}

/** The same place in the described (VS Code) schema: a property, a list's item, or a union's branches. */
function describedChild(node: JsonSchema | undefined, step: string | '[]'): JsonSchema | undefined {
  if (!node) return undefined;
  if (step === '[]' && isObject(node.items)) return node.items;
  if (step !== '[]' && isObject(node.properties) && isObject(node.properties[step])) return node.properties[step];
  // A union's branches (a fee is 不收费 or a list of items): the first that has the step.
  for (const branch of Array.isArray(node.anyOf) ? node.anyOf.filter(isObject) : []) {
    const found = describedChild(branch, step);
    if (found) return found;
  }
  return undefined;
}

/** Phones are declared by what they expect (src/schemas/common.ts, PHONE_EXPECTED). */
const isPhone = (node: JsonSchema) => str(node.expected)?.startsWith('电话号码') === true;
/** Codes and numbers that must keep their leading zeros are written in quotes. */
const wantsQuotes = (node: JsonSchema) => str(node.expected)?.includes('英文引号') === true;

class Walker {
  private readonly siteHours: string | undefined;
  constructor(siteHours: string | undefined) {
    this.siteHours = siteHours;
  }

  field(key: string, whole: JsonSchema, required: boolean, described: JsonSchema | undefined): FormField {
    const { node, notStated } = withoutNotStated(whole);
    const title = str(node.title) ?? key;
    const hint = str(described?.description);
    const expected = str(node.expected);
    const example = str(node.example);
    const out: FormField = {
      key,
      title,
      ...(hint !== undefined && hint !== title ? { hint } : {}),
      ...(expected !== undefined ? { expected } : {}),
      ...(example !== undefined ? { example } : {}),
      required: required && node.default === undefined,
      ...(notStated ? { notStated } : {}),
      widget: this.widget(key, node, described),
    };
    if (node.default !== undefined) out.default = labelOf(node, node.default);
    return out;
  }

  private widget(key: string, node: JsonSchema, described: JsonSchema | undefined): Widget {
    if (Array.isArray(node.anyOf)) return this.union(node, described);
    if (node.widget === 'image') return { type: 'image' };
    if (node.widget === 'attachment') return { type: 'attachment' };
    if (typeof node.references === 'string') return { type: 'reference', target: node.references };
    if (isObject(node.labels) || Array.isArray(node.enum)) return { type: 'enum', options: enumOptions(node) };
    if (node.type === 'boolean') return { type: 'boolean' };
    if (node.type === 'integer' || node.type === 'number') {
      const min = typeof node.minimum === 'number' && node.minimum !== Number.MIN_SAFE_INTEGER ? node.minimum : undefined;
      const max = typeof node.maximum === 'number' && node.maximum !== Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
      return { type: 'integer', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    if (node.type === 'array') {
      const item = isObject(node.items) ? node.items : {};
      return {
        type: 'list',
        item: this.field('', item, true, describedChild(described, '[]')),
        ...(typeof node.minItems === 'number' ? { minItems: node.minItems } : {}),
      };
    }
    if (node.type === 'object' && isObject(node.properties)) {
      const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
      const fields = Object.entries(node.properties).map(([k, child]) => this.field(k, isObject(child) ? child : {}, required.has(k), describedChild(described, k)));
      const shape = Object.keys(node.properties).sort().join(',');
      // An object of the same shape as the organisation's default hours gets a button that copies them in.
      const defaultFrom = key === 'hours' && shape === this.siteHours ? 'site.hours' : undefined;
      return { type: 'object', fields, ...(defaultFrom ? { defaultFrom } : {}) };
    }
    if (node.type === 'string') {
      if (node.format === 'date') return { type: 'date' };
      if (isPhone(node)) return { type: 'phone' };
      // Long free text (a summary, an introduction, a step's description) gets a text area.
      const multiline = /简介|说明|描述|意见|内容|回答|佐证|介绍/.test(str(node.title) ?? '') && !wantsQuotes(node);
      return { type: 'text', multiline, quote: wantsQuotes(node) };
    }
    return { type: 'raw' };
  }

  /** A union: a calendar date, or a choice between fixed values and values of their own kind. */
  private union(node: JsonSchema, described: JsonSchema | undefined): Widget {
    const branches = (node.anyOf as unknown[]).filter(isObject);
    if (branches.some((b) => b.format === 'date')) return { type: 'date' };
    const options: ChoiceOption[] = [];
    for (const branch of branches) {
      const previous = options.at(-1);
      if (typeof branch.const === 'string' && /^[a-z-]+$/.test(branch.const) && previous?.value !== undefined) {
        // An English key after the Chinese words that mean it (长期 … then standing): the same choice.
        previous.aliases = [...(previous.aliases ?? []), branch.const];
      } else if (typeof branch.const === 'string') {
        options.push({ label: branch.const, value: branch.const });
      } else if (!isObject(branch.labels) && Array.isArray(branch.enum) && branch.type === 'string' && branch.enum.length > 0) {
        // A plain enumeration inside a union lists spellings of one word (长期、长期坚持、长期有效): one click, the first written.
        const [first, ...others] = branch.enum.map(String);
        options.push({ label: first as string, value: first as string, aliases: others });
      } else if (isObject(branch.labels)) {
        for (const o of enumOptions(branch)) options.push({ label: o.label, value: o.label, aliases: o.aliases });
      } else {
        // A value of its own kind: the union's title and hints belong to it.
        const merged = { ...branch, title: branch.title ?? node.title };
        const field = this.field('', merged, true, described);
        options.push({ label: branchLabel(field), field });
      }
    }
    return { type: 'choice', options };
  }
}

/** The branch of a union that holds only 未公布 / 待填写 (`notStated` in src/schemas/common.ts). */
function isNotStatedBranch(node: unknown): boolean {
  return isObject(node) && isObject(node.labels) && Object.keys(node.labels).sort().join(',') === 'not-published,unfilled';
}

/** A branch that is itself a union holding 未公布 / 待填写 (a pledge's deadline: 长期, or orNotStated(date)) is opened into its branches. */
function flattenMarked(branches: JsonSchema[]): JsonSchema[] {
  return branches.flatMap((b) => {
    if (!Array.isArray(b.anyOf)) return [b];
    const inner = b.anyOf.filter(isObject);
    if (!inner.some(isNotStatedBranch)) return [b];
    // The inner branches take the nested union's title and hints, which say what they hold.
    const { anyOf: _inner, ...meta } = b;
    return flattenMarked(inner.map((i) => (isNotStatedBranch(i) ? i : { ...meta, ...i })));
  });
}

/**
 * A union with a 未公布 / 待填写 branch, split into the field without that
 * branch and the two values. The union's own title, hint and example stay
 * with the field; a single remaining branch is the field itself (an object,
 * a list, a phone), so it keeps its own widget instead of becoming a choice.
 */
function withoutNotStated(node: JsonSchema): { node: JsonSchema; notStated?: ReturnType<typeof enumOptions> } {
  if (!Array.isArray(node.anyOf)) return { node };
  const branches = flattenMarked(node.anyOf.filter(isObject));
  const marker = branches.find(isNotStatedBranch);
  if (!marker) return { node };
  const rest = branches.filter((b) => b !== marker);
  const { anyOf: _anyOf, ...outer } = node;
  const only = rest.length === 1 ? (rest[0] as JsonSchema) : undefined;
  // The outer meta (title, expected with 未公布 in it, example, default) wins over the branch's.
  const merged: JsonSchema = only ? { ...only, ...Object.fromEntries(Object.entries(outer).filter(([, v]) => v !== undefined)) } : { ...outer, anyOf: rest };
  return { node: merged, notStated: enumOptions(marker) };
}

/** What the radio button of a value of its own kind says: "天数", "收费项目", "填写". */
function branchLabel(field: FormField): string {
  switch (field.widget.type) {
    case 'integer':
      return '天数';
    case 'date':
      return '日期';
    case 'list':
      return field.widget.item.title === field.title ? `${field.title}（逐项填写）` : `逐项填写${field.widget.item.title}`;
    default:
      return '填写';
  }
}

/** Options of an enumeration: the Chinese label is written, the English key is read as the same. */
function enumOptions(node: JsonSchema): Array<{ value: string; label: string; aliases: string[] }> {
  if (isObject(node.labels)) {
    return Object.entries(node.labels).map(([key, label]) => ({ value: String(label), label: String(label), aliases: [key] }));
  }
  return (Array.isArray(node.enum) ? node.enum : []).map((v) => ({ value: String(v), label: String(v), aliases: [] }));
}

/** A labelled enumeration's default key, as the label a person writes. */
function labelOf(node: JsonSchema, value: unknown): unknown {
  if (isObject(node.labels) && typeof value === 'string' && typeof node.labels[value] === 'string') return node.labels[value];
  return value;
}

/** Every field path of a form (`materials[].name`), for tests and for checking coverage. */
export function formPaths(fields: readonly FormField[], prefix = ''): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const path = f.key === '' ? prefix : prefix === '' ? f.key : `${prefix}.${f.key}`;
    if (f.key !== '') out.push(path);
    out.push(...widgetPaths(f.widget, path));
  }
  return out;
}

function widgetPaths(w: Widget, path: string): string[] {
  if (w.type === 'object') return formPaths(w.fields, path);
  if (w.type === 'list') return formPaths([w.item], `${path}[]`);
  if (w.type === 'choice') return w.options.flatMap((o) => (o.field ? formPaths([o.field], path) : []));
  return [];
}
