/**
 * Editor hints: one JSON Schema per content kind, generated from the same Zod
 * schemas the site and the checker use, so that VS Code with the YAML
 * extension (redhat.vscode-yaml) completes field names and Chinese values,
 * shows each field's Chinese description on hover, and underlines unknown
 * fields and wrong values as people type.
 *
 * `npm run schema` writes `.vscode/schemas/<kind>.schema.json` and the
 * `yaml.schemas` entry of `.vscode/settings.json`; a test regenerates them in
 * memory and compares, so the committed files cannot go stale.
 *
 * What the JSON Schemas describe is what a person types in YAML (Zod's
 * "input" side): Chinese labels as well as English keys for enumerations,
 * dates as text (YAML 1.2, which the editor uses, reads 2026-11-22 as text),
 * photos and forms as `./` paths. Cross-field rules (`superRefine`: "a
 * public-comment notice needs a period") and references to other files are
 * not expressible here and stay with `npm run check`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionLayout, type CollectionName } from '#schemas/collections.ts';
import { attachmentPath, imagePath, type SchemaContext } from '#schemas/context.ts';
import { HOLIDAYS_FILES, holidaysSchema } from '#schemas/holidays.ts';
import { findSourceObject, readSourceObjects, type SourceObject, type SourceText } from './comments.ts';

/** A JSON Schema as plain data. */
export type JsonSchema = { [key: string]: unknown };

/**
 * Content files that are no collection's entries but have a schema of their
 * own: the holiday arrangement at the top of the content folder.
 */
export const OWN_FILE_SCHEMAS = {
  holidays: { title: '法定节假日安排', files: HOLIDAYS_FILES, schema: holidaysSchema },
} as const;
export type OwnFileKind = keyof typeof OWN_FILE_SCHEMAS;
const OWN_FILE_KINDS = Object.keys(OWN_FILE_SCHEMAS) as OwnFileKind[];

/** What gets a JSON Schema: each collection, and each file of its own. */
export type SchemaSubject = CollectionName | OwnFileKind;

/** The file name stem of each collection's JSON Schema: `staff` → `.vscode/schemas/staff.schema.json`. */
export const SCHEMA_KINDS: Record<SchemaSubject, string> = {
  holidays: 'holidays',
  site: 'site',
  units: 'unit',
  procedures: 'procedure',
  staff: 'staff',
  posts: 'post',
  pledges: 'pledge',
  evaluations: 'evaluation',
  notices: 'notice',
  screens: 'screen',
};

/** Where the generated files go, relative to the project root. */
export const SCHEMA_DIR = '.vscode/schemas';
export const SETTINGS_FILE = '.vscode/settings.json';
/** The folder the `yaml.schemas` globs point at, relative to the project root. */
export const CONTENT_GLOB_ROOT = 'content';

/** YYYY-MM-DD. Whether the day exists is left to the checker. */
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

const SCHEMAS_SOURCE_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** The schema sources whose doc comments become descriptions. */
export function readSchemaSources(dir = SCHEMAS_SOURCE_DIR): SourceText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * A regular expression source made case-insensitive without flags, which
 * JSON Schema patterns cannot carry: `\.pdf$` → `\.[pP][dD][fF]$`. Letters
 * inside a character class get their other case added to the class.
 */
export function caseInsensitivePattern(source: string): string {
  let out = '';
  let inClass = false;
  let classExtra = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        out += classExtra + c;
        inClass = false;
        classExtra = '';
        continue;
      }
      if (/[a-z]/i.test(c)) {
        const other = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
        if (source[i + 1] === '-' && /[a-z]/i.test(source[i + 2] ?? '')) {
          const end = source[i + 2] as string;
          const otherEnd = end === end.toLowerCase() ? end.toUpperCase() : end.toLowerCase();
          out += `${c}-${end}`;
          classExtra += `${other}-${otherEnd}`;
          i += 2;
        } else {
          out += c;
          classExtra += other;
        }
        continue;
      }
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      continue;
    }
    if (/[a-z]/i.test(c) && !/\{\d*,?\d*$/.test(out)) {
      out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
      continue;
    }
    out += c;
  }
  return out;
}

/** The schema context for generation: files are paths, checked for their form only. */
const EDITOR_CONTEXT: SchemaContext = { image: imagePath, file: attachmentPath };

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Zod's safe-integer bounds on `.int()` say nothing to a person; drop them. */
function dropSafeIntegerBounds(node: JsonSchema) {
  if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
}

/** A `labelledEnum`: Chinese labels first (those are what people should type), English keys after. */
function rewriteLabelledEnum(node: JsonSchema) {
  const labels = node.labels;
  delete node.labels;
  if (!isObject(labels) || !Array.isArray(node.enum)) return;
  const pairs = Object.entries(labels).filter((p): p is [string, string] => typeof p[1] === 'string');
  node.enum = [...pairs.map(([, label]) => label), ...pairs.map(([key]) => key)];
  node.enumDescriptions = [...pairs.map(([key, label]) => `${label}（也可以写英文 ${key}）`), ...pairs.map(([, label]) => `英文写法，等同于“${label}”；建议写中文`)];
  if (typeof node.default === 'string' && typeof labels[node.default] === 'string') node.default = labels[node.default];
}

/** A calendar date: Zod's union of text and Date becomes text of the form 2026-11-22. */
function collapseDate(node: JsonSchema) {
  const anyOf = node.anyOf;
  if (!Array.isArray(anyOf)) return;
  const date = anyOf.find((b) => isObject(b) && b.pattern === DATE_PATTERN);
  if (!isObject(date)) return;
  if (!anyOf.every((b) => b === date || (isObject(b) && Object.keys(b).every((k) => k === 'type') && b.type === 'string'))) return;
  delete node.anyOf;
  Object.assign(node, date);
}

/** `example: '"3"'` is written as in YAML; JSON Schema `examples` hold the value itself. */
function exampleValue(example: string): unknown {
  try {
    return parseYaml(example);
  } catch {
    return example;
  }
}

interface DescribeContext {
  objects: readonly SourceObject[];
  /** Comments by property name and field title, for a field whose own object has none. */
  fallback: Map<string, Set<string>>;
  /** JSON paths of fields that got no doc comment. */
  missing: string[];
}

function describeField(node: JsonSchema, key: string, source: SourceObject | undefined, ctx: DescribeContext, path: string) {
  const own = source?.comments.get(key);
  if (own !== undefined) {
    node.description = own;
    return;
  }
  const title = typeof node.title === 'string' ? node.title : undefined;
  const elsewhere = ctx.fallback.get(`${key}\0${title ?? ''}`);
  if (elsewhere && elsewhere.size === 1) {
    node.description = [...elsewhere][0];
    return;
  }
  ctx.missing.push(path);
  const expected = typeof node.expected === 'string' ? node.expected : undefined;
  if (title !== undefined) node.description = expected ? `${title}：${expected}` : title;
}

/**
 * Cleans Zod's output in place, bottom-up: meta that is not JSON Schema
 * (`expected`, `labels`, `example`) turns into `description`, `enum` order
 * and `examples`; object properties get their doc comments.
 */
function polish(node: unknown, ctx: DescribeContext, path: string): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => polish(item, ctx, `${path}[${i}]`));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value)) {
      for (const [prop, child] of Object.entries(value)) polish(child, ctx, path === '' ? prop : `${path}.${prop}`);
    } else if (key === 'items') {
      polish(value, ctx, `${path}[]`);
    } else if (key === 'additionalProperties' && isObject(value)) {
      // A record's values (site.yaml → privacy.units: a tier per unit).
      polish(value, ctx, `${path}.*`);
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      polish(value, ctx, path);
    }
  }
  dropSafeIntegerBounds(node);
  rewriteLabelledEnum(node);
  collapseDate(node);
  if (typeof node.example === 'string') {
    node.examples = [exampleValue(node.example)];
  }
  delete node.example;
  if (isObject(node.properties)) {
    const keys = Object.keys(node.properties);
    const source = findSourceObject(ctx.objects, keys, typeof node.title === 'string' ? node.title : undefined);
    for (const [prop, child] of Object.entries(node.properties)) {
      if (isObject(child)) describeField(child, prop, source, ctx, path === '' ? prop : `${path}.${prop}`);
    }
  }
}

/** Meta for Chinese error messages and the form editor (see FieldMeta in src/schemas/common.ts), which is not JSON Schema. */
const MESSAGE_META = ['expected', 'fix', 'references'];

/** Removes {@link MESSAGE_META} last, after descriptions were built from it. */
function dropMeta(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropMeta);
  if (!isObject(node)) return;
  for (const key of MESSAGE_META) delete node[key];
  for (const value of Object.values(node)) dropMeta(value);
}

/** Orders keys so that the files read well: what a field is, then what it accepts. */
const KEY_ORDER = ['$schema', 'title', 'description', 'type', 'enum', 'enumDescriptions', 'const', 'default', 'examples'];
function sortKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (!isObject(node)) return node;
  const keys = Object.keys(node).sort((a, b) => {
    const ia = KEY_ORDER.indexOf(a);
    const ib = KEY_ORDER.indexOf(b);
    return (ia === -1 ? KEY_ORDER.length : ia) - (ib === -1 ? KEY_ORDER.length : ib);
  });
  const out: JsonSchema = {};
  for (const key of keys) {
    // Property names keep their order from the schema, which is the order of the templates.
    out[key] = key === 'properties' || key === 'enumDescriptions' || key === 'enum' ? sortChildren(node[key]) : sortKeys(node[key]);
  }
  return out;
}
const sortChildren = (v: unknown): unknown => (isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, c]) => [k, sortKeys(c)])) : v);

/** Where files of a collection live, in words for the root description: `units/<单位>/staff/*.yaml`. */
export function collectionPlace(layout: CollectionLayout): string {
  const dir = layout.dir.replace('*', '<单位>');
  const file = `${layout.name ?? '*'}.${layout.extensions[0]}`;
  return dir === '' ? file : `${dir}/${file}`;
}

export interface GeneratedSchemas {
  schemas: Map<SchemaSubject, JsonSchema>;
  /** Fields without a doc comment in the schema sources (`screen: updated`). */
  missingComments: string[];
}

/** One JSON Schema per collection, from the Zod schemas and the doc comments in `sources`. */
export function generateJsonSchemas(sources: readonly SourceText[] = readSchemaSources()): GeneratedSchemas {
  const objects = readSourceObjects(sources);
  const raw = new Map<SchemaSubject, JsonSchema>();
  const subjects: Array<[SchemaSubject, z.ZodType]> = [
    ...COLLECTION_NAMES.map((name): [SchemaSubject, z.ZodType] => [name, COLLECTIONS[name].schema(EDITOR_CONTEXT)]),
    ...OWN_FILE_KINDS.map((kind): [SchemaSubject, z.ZodType] => [kind, OWN_FILE_SCHEMAS[kind].schema]),
  ];
  for (const [name, zodSchema] of subjects) {
    const json = z.toJSONSchema(zodSchema, {
      target: 'draft-07',
      // What people type, not what the site receives after transforms.
      io: 'input',
      unrepresentable: ({ zodSchema: s }) =>
        // Astro's YAML reader turns dates into Date objects; in the editor a date is text.
        s._zod.def.type === 'date' ? { type: 'string', pattern: DATE_PATTERN } : 'any',
      override: ({ zodSchema: s, jsonSchema }) => {
        const def = s._zod.def as { type: string; defaultValue?: unknown; innerType?: z.ZodType };
        if (def.type === 'default' && jsonSchema.default === undefined && def.innerType) {
          // Zod leaves out the default of a transforming schema on the input side; a
          // labelled enum's default key is also valid input (and becomes its label below).
          if (def.innerType.safeParse(def.defaultValue).success) jsonSchema.default = def.defaultValue as never;
          return;
        }
        if (def.type !== 'string') return;
        const format = s._zod.def as { format?: string; protocol?: RegExp };
        if (format.format === 'url' && format.protocol instanceof RegExp && jsonSchema.pattern === undefined) {
          // `format: uri` says nothing about which schemes the site accepts.
          jsonSchema.pattern = `^(?:${format.protocol.source.replace(/^\^/, '').replace(/\$$/, '')})://\\S+$`;
        }
        // Zod writes a regex's source and drops its flags; keep the `i`.
        const checks = (s._zod.def as { checks?: Array<{ _zod: { def: { pattern?: RegExp } } }> }).checks ?? [];
        const regex = checks.map((c) => c._zod.def.pattern).find((p): p is RegExp => p instanceof RegExp && p.flags.includes('i'));
        if (regex && jsonSchema.pattern === regex.source) jsonSchema.pattern = caseInsensitivePattern(regex.source);
      },
    }) as JsonSchema;
    raw.set(name, json);
  }
  // Comments by property name and field title, from every object that matches a source object:
  // a field whose own object has no comment for it (a shared builder, a field someone forgot to
  // document) takes the one comment that fields of the same name and title have elsewhere.
  const fallback = new Map<string, Set<string>>();
  const collect = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!isObject(node)) return;
    if (isObject(node.properties)) {
      const source = findSourceObject(objects, Object.keys(node.properties), typeof node.title === 'string' ? node.title : undefined);
      for (const [prop, child] of Object.entries(node.properties)) {
        const comment = source?.comments.get(prop);
        if (comment === undefined || !isObject(child)) continue;
        const key = `${prop}\0${typeof child.title === 'string' ? child.title : ''}`;
        if (!fallback.has(key)) fallback.set(key, new Set());
        fallback.get(key)?.add(comment);
      }
    }
    for (const value of Object.values(node)) collect(value);
  };
  for (const json of raw.values()) collect(json);

  const schemas = new Map<SchemaSubject, JsonSchema>();
  const missingComments: string[] = [];

  for (const [name, json] of raw) {
    const ctx: DescribeContext = { objects, fallback, missing: [] };
    polish(json, ctx, '');
    dropMeta(json);
    if (isOwnFile(name)) {
      json.description = `${OWN_FILE_SCHEMAS[name].title}：${OWN_FILE_SCHEMAS[name].files[0]}（内容文件夹最上层，可以没有）`;
    } else {
      const layout: CollectionLayout = COLLECTIONS[name];
      json.description = `${layout.title}：${collectionPlace(layout)}${layout.format === 'markdown' ? ' 开头 --- 之间的部分（front matter）' : ''}`;
    }
    json.$schema = JSON_SCHEMA_DRAFT;
    schemas.set(name, sortKeys(json) as JsonSchema);
    missingComments.push(...ctx.missing.map((p) => `${SCHEMA_KINDS[name]}: ${p}`));
  }
  return { schemas, missingComments };
}

const isOwnFile = (name: SchemaSubject): name is OwnFileKind => name in OWN_FILE_SCHEMAS;

/** Globs, relative to the workspace, of the files each collection's schema applies to; none for Markdown. */
export function yamlGlobs(name: SchemaSubject, root = CONTENT_GLOB_ROOT): string[] {
  if (isOwnFile(name)) return OWN_FILE_SCHEMAS[name].files.map((f) => `${root}/${f}`);
  const layout: CollectionLayout = COLLECTIONS[name];
  if (layout.format !== 'yaml') return [];
  return layout.extensions.map((ext) => [root, layout.dir, `${layout.name ?? '*'}.${ext}`].filter((p) => p !== '').join('/'));
}

/** The `yaml.schemas` setting: each schema file and the files it applies to. */
export function yamlSchemasSetting(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of [...COLLECTION_NAMES, ...OWN_FILE_KINDS]) {
    const globs = yamlGlobs(name);
    if (globs.length > 0) out[`./${SCHEMA_DIR}/${SCHEMA_KINDS[name]}.schema.json`] = globs;
  }
  return out;
}

/** Editor settings that help people who edit YAML by hand. `npm run schema` keeps other keys of settings.json as they are. */
export const EDITOR_SETTINGS: JsonSchema = {
  'files.associations': { '*.mdx': 'markdown' },
  'files.encoding': 'utf8',
  '[yaml]': {
    'editor.tabSize': 2,
    'editor.insertSpaces': true,
    'editor.detectIndentation': false,
    'editor.renderWhitespace': 'boundary',
    // Offer Chinese enum values and field names while typing a value, not only after Ctrl+Space.
    'editor.quickSuggestions': { other: true, comments: false, strings: true },
    'files.trimTrailingWhitespace': true,
    'files.insertFinalNewline': true,
  },
  '[markdown]': {
    'editor.tabSize': 2,
    'editor.insertSpaces': true,
    'editor.detectIndentation': false,
  },
};

/** The text of a generated JSON file: two-space indent, final newline, as committed. */
export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * `.vscode/settings.json` with `yaml.schemas` set to {@link yamlSchemasSetting}
 * and any missing {@link EDITOR_SETTINGS} added; other keys and values people
 * chose are kept. `existing` is the current file's text, if there is one.
 */
export function settingsText(existing: string | undefined): string {
  let settings: JsonSchema = {};
  if (existing !== undefined && existing.trim() !== '') {
    const parsed: unknown = JSON.parse(existing);
    if (!isObject(parsed)) throw new Error(`${SETTINGS_FILE} is not a JSON object`);
    settings = parsed;
  }
  const out: JsonSchema = { 'yaml.schemas': yamlSchemasSetting() };
  for (const [key, value] of Object.entries(EDITOR_SETTINGS)) {
    out[key] = key in settings ? settings[key] : value;
  }
  for (const [key, value] of Object.entries(settings)) if (!(key in out)) out[key] = value;
  return jsonText(out);
}

/** Every generated file, relative to the project root, with its text. */
export function generatedFiles(existingSettings: string | undefined, sources?: readonly SourceText[]): { files: Array<{ path: string; text: string }>; missingComments: string[] } {
  const { schemas, missingComments } = generateJsonSchemas(sources);
  const files = [...schemas].map(([name, json]) => ({ path: `${SCHEMA_DIR}/${SCHEMA_KINDS[name]}.schema.json`, text: jsonText(json) }));
  files.push({ path: SETTINGS_FILE, text: settingsText(existingSettings) });
  return { files, missingComments };
}
