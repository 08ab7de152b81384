import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { COLLECTIONS, COLLECTION_NAMES, placeFile, type CollectionName } from '#schemas/collections.ts';
import { findSourceObject, joinCommentLines, readSourceObjects } from '#tools/editor/comments.ts';
import {
  caseInsensitivePattern,
  DATE_PATTERN,
  generatedFiles,
  generateJsonSchemas,
  SCHEMA_KINDS,
  SETTINGS_FILE,
  settingsText,
  type JsonSchema,
} from '#tools/editor/json-schema.ts';
import { validateJson } from '#tools/editor/validate.ts';
import { ROOT } from '../helpers/run.ts';
import { SMALL } from '../helpers/content.ts';

const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const { schemas, missingComments } = generateJsonSchemas();
const schema = (name: CollectionName) => schemas.get(name) as JsonSchema;
type Node = { [key: string]: unknown };
/** The branch of a field that also takes 未公布 / 待填写 (an `anyOf`) that holds its own schema. */
const own = (n: Node): Node => (n.anyOf && !n.items && !n.properties ? (((n.anyOf as Node[]).find((b) => b.items || b.properties) ?? n) as Node) : n);
/** A sub-schema: `[]` steps into an array's items, any other name into a property. */
const at = (node: unknown, ...path: string[]): Node =>
  path.reduce<Node>((n, key) => (key === '[]' ? own(n).items : (own(n).properties as Node | undefined)?.[key]) as Node, node as Node);

/** Every YAML document (front matter for Markdown) in a content folder, with the collection it belongs to. */
function contentDocuments(dir: string): Array<{ file: string; collection: CollectionName; data: unknown }> {
  const out: Array<{ file: string; collection: CollectionName; data: unknown }> = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/');
    const placement = placeFile(file);
    if (!placement) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const yamlText = COLLECTIONS[placement.collection].format === 'markdown' ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') : text;
    out.push({ file, collection: placement.collection, data: parseYaml(yamlText) });
  }
  return out;
}

describe('editor hints (JSON Schema)', () => {
  it('the committed files are exactly what npm run schema writes, so they cannot go stale', () => {
    const { files } = generatedFiles(read(SETTINGS_FILE));
    expect(files.map((f) => f.path).sort()).toEqual(
      [...COLLECTION_NAMES.map((n) => `.vscode/schemas/${SCHEMA_KINDS[n]}.schema.json`), '.vscode/schemas/holidays.schema.json', SETTINGS_FILE].sort(),
    );
    for (const file of files) {
      expect(read(file.path), `${file.path} is out of date: run npm run schema`).toBe(file.text);
    }
  });

  it('gives holidays.yaml its own schema, applied to the file at the top of the content folder', () => {
    const holidays = schemas.get('holidays') as JsonSchema;
    expect(at(holidays, 'years', '[]', 'holidays', '[]', 'workdays').description).toContain('调休上班');
    expect(at(holidays, 'years', '[]', 'holidays', '[]', 'from').pattern).toBe(DATE_PATTERN);
    expect(JSON.parse(settingsText(undefined))['yaml.schemas']['./.vscode/schemas/holidays.schema.json']).toEqual(['content/holidays.yaml', 'content/holidays.yml']);
  });

  it('describes fields in Chinese, from the doc comments in src/schemas', () => {
    expect(at(schema('staff'), 'name').description).toContain('姓名');
    expect(at(schema('staff'), 'photo').description).toContain('工作照');
    expect(at(schema('staff'), 'post').description).toContain('posts 文件夹里的文件名');
    // Fields of shared builders in common.ts, nested in arrays.
    expect(at(schema('site'), 'supervision', '[]', 'type').description).toContain('渠道类型');
    expect(at(schema('units'), 'hours', 'regular', '[]', 'days').description).toContain('哪几天');
    // A field added by `.extend()` and one inherited from the base object.
    expect(at(schema('procedures'), 'materials', '[]', 'blankForm').description).toContain('空白表格');
    expect(at(schema('procedures'), 'materials', '[]', 'form').description).toContain('原件');
    // The same shared object is described where it is used: hours of a unit, of a procedure.
    expect(at(schema('units'), 'hours').description).toContain('不写就用网站设置');
    expect(at(schema('procedures'), 'hours').description).toContain('不写就用单位的办公时间');
  });

  it('gives every field of every kind a doc comment', () => {
    expect(missingComments, 'add a /** 中文说明 */ above these fields in src/schemas').toEqual([]);
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Node;
      for (const [key, child] of Object.entries((n.properties as Node | undefined) ?? {})) {
        if (typeof (child as Node).description !== 'string' || !/\p{Script=Han}/u.test((child as Node).description as string)) undescribed.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (n.items) walk(n.items, `${path}[]`);
      for (const branch of (n.anyOf as unknown[] | undefined) ?? []) walk(branch, path);
    };
    for (const [name, json] of schemas) walk(json, name);
    expect(undescribed).toEqual([]);
  });

  it('offers the Chinese labels of enumerations first and still accepts the English keys', () => {
    const status = at(schema('pledges'), 'by', 'type');
    expect(status.enum).toEqual(['本单位', '党支部', '工作人员', 'unit', 'party-branch', 'staff']);
    expect((status.enumDescriptions as string[])[2]).toBe('工作人员（也可以写英文 staff）');
    expect(status).not.toHaveProperty('labels');
    // A default written as a key is shown as its label.
    expect(at(schema('procedures'), 'timeLimit', 'statutoryUnit').default).toBe('工作日');
    expect(at(schema('site'), 'print', 'theme').default).toBe('红色');
  });

  it('is strict where the schema is strict, and leaves no Zod-only metadata behind', () => {
    for (const [name, json] of schemas) {
      expect(json.additionalProperties, name).toBe(false);
      const text = JSON.stringify(json);
      expect(text, name).not.toMatch(/"(expected|example|labels|fix)":/);
      expect(text, name).not.toContain('{}');
    }
    expect(at(schema('procedures'), 'steps', '[]').additionalProperties).toBe(false);
  });

  it('takes dates as text of the form YYYY-MM-DD', () => {
    const left = at(schema('staff'), 'left');
    expect(left).toMatchObject({ type: 'string', pattern: DATE_PATTERN });
    expect(validateJson(left, '2026-11-22')).toEqual([]);
    expect(validateJson(left, '2026/11/22')).not.toEqual([]);
    expect(validateJson(left, '2026-13-01')).not.toEqual([]);
  });

  it('takes photos and forms as ./ paths, in any letter case', () => {
    const photo = at(schema('staff'), 'photo');
    for (const ok of ['./li-hua.jpg', './li-hua.JPG', './photos/li-hua.png']) expect(validateJson(photo, ok), ok).toEqual([]);
    for (const bad of ['li-hua.jpg', 'https://example.com/a.jpg', './li-hua.pdf', './']) expect(validateJson(photo, bad), bad).not.toEqual([]);
    const form = at(schema('procedures'), 'materials', '[]', 'blankForm');
    expect(validateJson(form, './forms/申请表.PDF')).toEqual([]);
    expect(validateJson(form, './forms/申请表.exe')).not.toEqual([]);
  });

  it('gives examples that are themselves valid', () => {
    const bad: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Node;
      for (const example of (n.examples as unknown[] | undefined) ?? []) {
        if (validateJson(n, example).length > 0) bad.push(`${path}: ${JSON.stringify(example)}`);
      }
      for (const [key, child] of Object.entries((n.properties as Node | undefined) ?? {})) walk(child, `${path}.${key}`);
      if (n.items) walk(n.items, `${path}[]`);
      for (const branch of (n.anyOf as unknown[] | undefined) ?? []) walk(branch, path);
    };
    for (const [name, json] of schemas) walk(json, name);
    expect(bad).toEqual([]);
  });

  for (const [label, dir] of [
    ['the example organisation', join(ROOT, 'content')],
    ['the small fixture', SMALL],
  ] as const) {
    it(`accepts every YAML file and front matter of ${label}`, () => {
      const documents = contentDocuments(dir);
      expect(documents.length).toBeGreaterThan(5);
      const failures = documents.flatMap((d) => validateJson(schema(d.collection), d.data).map((e) => `${d.file} ${e.path}: ${e.message}`));
      expect(failures).toEqual([]);
    });
  }

  it('rejects broken documents: an unknown field, a wrong enum label, an unquoted number, a missing field', () => {
    const staff = parseYaml(read('test/fixtures/small/units/chuangkou/staff/li-hua.yaml')) as Record<string, unknown>;
    expect(validateJson(schema('staff'), staff)).toEqual([]);
    expect(validateJson(schema('staff'), { ...staff, idNumber: '330122199001011234' })).toEqual([{ path: 'idNumber', message: 'unknown property' }]);
    expect(validateJson(schema('staff'), { ...staff, badges: ['党委'] })).toMatchObject([{ path: 'badges[0]' }]);
    expect(validateJson(schema('staff'), { ...staff, window: 1 })).toMatchObject([{ path: 'window', message: 'expected string, got integer' }]);
    const { post: _post, ...noPost } = staff;
    expect(validateJson(schema('staff'), noPost)).toEqual([{ path: 'post', message: 'required property is missing' }]);
    const pledge = parseYaml(read('test/fixtures/small/units/chuangkou/pledges/2026.yaml')) as { items: Array<Record<string, unknown>> };
    pledge.items[0] = { ...pledge.items[0], status: '已完成' };
    expect(validateJson(schema('pledges'), pledge)).toMatchObject([{ path: 'items[0].status' }]);
  });

  it('maps each YAML kind to its files in settings.json; Markdown front matter cannot be mapped', () => {
    const settings = JSON.parse(read(SETTINGS_FILE)) as Record<string, unknown>;
    const mapping = settings['yaml.schemas'] as Record<string, string[]>;
    expect(mapping['./.vscode/schemas/staff.schema.json']).toContain('content/units/*/staff/*.yaml');
    expect(mapping['./.vscode/schemas/site.schema.json']).toContain('content/site.yaml');
    expect(Object.keys(mapping).some((k) => k.includes('procedure') || k.includes('notice'))).toBe(false);
    expect(settings['[yaml]']).toMatchObject({ 'editor.tabSize': 2, 'editor.insertSpaces': true });
    const extensions = JSON.parse(read('.vscode/extensions.json')) as { recommendations: string[] };
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });

  it('keeps settings people added to settings.json and refreshes only yaml.schemas', () => {
    const mine = JSON.stringify({ 'editor.fontSize': 18, '[yaml]': { 'editor.tabSize': 4 }, 'yaml.schemas': { './old.json': ['x'] } });
    const out = JSON.parse(settingsText(mine)) as Record<string, unknown>;
    expect(out['editor.fontSize']).toBe(18);
    expect(out['[yaml]']).toEqual({ 'editor.tabSize': 4 });
    expect(out['yaml.schemas']).not.toHaveProperty('./old.json');
  });
});

describe('doc comments from the schema sources', () => {
  it('joins the lines of Chinese comments without spaces and English ones with', () => {
    expect(joinCommentLines('网站放在域名下的哪个路径。\n只有在不同时才填写。')).toBe('网站放在域名下的哪个路径。只有在不同时才填写。');
    expect(joinCommentLines('two\nlines')).toBe('two lines');
  });

  it('finds objects by their property names, and by title when names repeat', () => {
    const objects = readSourceObjects([
      {
        name: 'a.ts',
        text: `const a = z.strictObject({ /** 甲。 */ x: t, /** 乙。 */ y: t }).meta({ title: 'A' });
const b = z.strictObject({ /** 丙。 */ x: t, /** 丁。 */ y: t }).optional().meta({ title: 'B' });
const c = a.extend({ /** 戊。 */ z: t });`,
      },
    ]);
    expect(findSourceObject(objects, ['y', 'x'], 'B')?.comments.get('x')).toBe('丙。');
    expect(findSourceObject(objects, ['x', 'y', 'z'], undefined)?.comments.get('x')).toBe('甲。');
    expect(() => findSourceObject(objects, ['x', 'y'], 'C')).toThrow(/Cannot tell which/);
  });

  it('makes patterns case-insensitive without flags', () => {
    expect(caseInsensitivePattern('\\.(?:pdf|doc)$')).toBe('\\.(?:[pP][dD][fF]|[dD][oO][cC])$');
    expect(caseInsensitivePattern('^[^/\\\\]+[a-c]\\d{2}$')).toBe('^[^/\\\\]+[a-cA-C]\\d{2}$');
  });
});
