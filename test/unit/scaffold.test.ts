import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkContent, checkFile, hasErrors } from '#lib/content/check.ts';
import { completeness } from '#lib/content/completeness.ts';
import { generateJsonSchemas, type JsonSchema } from '#tools/editor/json-schema.ts';
import { validateJson } from '#tools/editor/validate.ts';
import { planNew, ScaffoldError, writeNew, type ScaffoldOptions } from '#tools/scaffold/new.ts';
import { SCAFFOLD_KINDS, type ScaffoldKind } from '#tools/scaffold/templates.ts';
import type { CollectionName } from '#schemas/collections.ts';
import { SMALL } from '../helpers/content.ts';
import { runScript } from '../helpers/run.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'siliang-new-'));
  cpSync(SMALL, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TODAY = '2026-11-22';
const options = (extra: Partial<ScaffoldOptions> = {}): ScaffoldOptions => ({ contentDir: dir, today: TODAY, ...extra });

/** Each kind, the target used in these tests and the collection its file belongs to. */
const CASES: Record<ScaffoldKind, { target: string; path: string; collection: CollectionName }> = {
  unit: { target: 'menzhen', path: 'units/menzhen/unit.yaml', collection: 'units' },
  procedure: { target: 'chuangkou/hukou-qianyi', path: 'units/chuangkou/procedures/hukou-qianyi.md', collection: 'procedures' },
  staff: { target: 'chuangkou/zhang-xiaoming', path: 'units/chuangkou/staff/zhang-xiaoming.yaml', collection: 'staff' },
  post: { target: 'chuangkou/shoufei', path: 'units/chuangkou/posts/shoufei.yaml', collection: 'posts' },
  pledge: { target: 'chuangkou/2027', path: 'units/chuangkou/pledges/2027.yaml', collection: 'pledges' },
  notice: { target: 'yuandan-fangjia', path: 'notices/yuandan-fangjia.md', collection: 'notices' },
};

/** Turns every optional line on: `# key: v` → `key: v`, `#   - x: v` → `  - x: v`. Explanations stay comments. */
const uncomment = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/^(\s*)# (\s*)(?=[A-Za-z]+:|- )/, '$1$2'))
    .join('\n');

/** The YAML of a file: the front matter of Markdown. */
const yamlOf = (text: string) => (text.startsWith('---\n') ? (text.split(/^---$/m)[1] ?? '') : text);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `b` laid over `a`, objects merged key by key, so that what either shows is kept. */
function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = isPlainObject(out[key]) && isPlainObject(value) ? deepMerge(out[key] as Record<string, unknown>, value) : value;
  return out;
}

/** Property paths of `schema` that `data` does not have, looking into objects and arrays of objects. */
function missingKeys(schema: JsonSchema, data: unknown, path = ''): string[] {
  if (Array.isArray(schema.anyOf)) {
    const branch = (schema.anyOf as JsonSchema[]).find((b) => validateJson(b, data).length === 0);
    return branch ? missingKeys(branch, data, path) : [`${path} (no branch matches)`];
  }
  if (schema.type === 'array' && Array.isArray(data) && schema.items) {
    const items = schema.items as JsonSchema;
    if (items.type !== 'object') return [];
    // Across all items, every property should be shown at least once, nested ones too (one place with
    // regular hours, another with seasons: a single item cannot have both).
    const merged = data.filter((d) => typeof d === 'object' && d !== null).reduce<Record<string, unknown>>((all, d) => deepMerge(all, d as Record<string, unknown>), {});
    return missingKeys(items, merged, `${path}[]`);
  }
  if (schema.type === 'object' && schema.properties) {
    const object = (data ?? {}) as Record<string, unknown>;
    return Object.entries(schema.properties as Record<string, JsonSchema>).flatMap(([key, child]) =>
      key in object ? missingKeys(child, object[key], path ? `${path}.${key}` : key) : [path ? `${path}.${key}` : key],
    );
  }
  return [];
}

describe('npm run new', () => {
  const { schemas } = generateJsonSchemas();

  for (const kind of SCAFFOLD_KINDS) {
    const c = CASES[kind];
    it(`writes a ${kind} that the checker accepts as it is`, () => {
      const plan = planNew(kind, c.target, options());
      const created = writeNew(plan, dir);
      expect(created).toContain(c.path);
      const { problems } = checkFile(dir, c.path);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    });

    it(`puts a Chinese comment above every field of a ${kind}, and every field of the schema in it`, () => {
      const [file] = planNew(kind, c.target, options()).files;
      const text = (file as { text: string }).text;
      expect(text).toContain('待填写');
      const on = uncomment(yamlOf(text)).split('\n');
      const uncommented: string[] = [];
      on.forEach((line, i) => {
        if (!/^\s*(?:- )?[A-Za-z]+:/.test(line)) return;
        const previous =
          on
            .slice(0, i)
            .reverse()
            .find((l) => l.trim() !== '') ?? '';
        if (!/^\s*# .*\p{Script=Han}/u.test(previous)) uncommented.push(line);
      });
      expect(uncommented, 'fields without a comment above them').toEqual([]);
      // Every optional line, turned on, is valid YAML that fits the schema and covers every field.
      const data = parseYaml(uncomment(yamlOf(text)), { uniqueKeys: false }) as unknown;
      const schema = schemas.get(c.collection) as JsonSchema;
      expect(validateJson(schema, data)).toEqual([]);
      expect(missingKeys(schema, data)).toEqual([]);
      if (kind === 'procedure') expect(data).toMatchObject({ fee: [{ name: '不动产权证书工本费' }] });
    });
  }

  it('notices a field the template leaves out', () => {
    const schema = schemas.get('staff') as JsonSchema;
    expect(missingKeys(schema, { name: '李华', photo: './li-hua.jpg', post: 'shouli' })).toContain('left');
  });

  it('creates empty procedures/, staff/, posts/, pledges/ and evaluations/ folders for a new unit', () => {
    const created = writeNew(planNew('unit', 'menzhen', options({ name: '门诊服务中心' })), dir);
    for (const sub of ['procedures', 'staff', 'posts', 'pledges', 'evaluations']) {
      expect(created).toContain(`units/menzhen/${sub}/`);
      expect(existsSync(join(dir, 'units/menzhen', sub, '.gitkeep'))).toBe(true);
    }
    expect(readFileSync(join(dir, 'units/menzhen/unit.yaml'), 'utf8')).toContain('name: 门诊服务中心');
  });

  it('gives a new member of staff a commented-out photo line, an existing post and a note about the photo', () => {
    const plan = planNew('staff', 'chuangkou', options({ name: '欧阳娜娜' }));
    expect(plan.files.map((f) => f.path)).toEqual(['units/chuangkou/staff/ouyang-nana.yaml', 'units/chuangkou/staff/ouyang-nana.待补照片.txt']);
    const text = plan.files[0]?.text ?? '';
    expect(text).toContain('name: 欧阳娜娜\n');
    // No photo line for a file that is not there yet: commented out, publishable meanwhile.
    expect(text).toContain('# photo: ./ouyang-nana.jpg\n');
    expect(text).not.toMatch(/^photo:/m);
    expect(text).toContain('post: shouli\n');
    expect(plan.files[1]?.text).toContain('ouyang-nana.jpg');
    expect(plan.next.join('\n')).toContain('把工作照放到 units/chuangkou/staff/ouyang-nana.jpg');
    // Until the photo is there, the file checks without an error (the folder-wide check warns that the photo is missing).
    writeNew(plan, dir);
    expect(checkFile(dir, 'units/chuangkou/staff/ouyang-nana.yaml').problems).toEqual([]);
  });

  it('writes 待填写, never a plausible fact, so a fresh procedure publishes with warnings and reports as gaps', () => {
    const plan = planNew('procedure', 'chuangkou/xin-shixiang', options());
    const text = plan.files[0]?.text ?? '';
    for (const line of ['  statutory: 待填写', '  promised: 待填写', 'visits: 待填写', 'fee: 待填写']) expect(text).toContain(`${line}\n`);
    expect(text).not.toMatch(/^\s*(?:statutory: 20|promised: 5|visits: 1|fee: 不收费)$/m);
    writeNew(plan, dir);
    const check = checkContent(dir, { today: '2026-11-22', lastChanged: () => '2026-11-20' });
    expect(hasErrors(check.problems)).toBe(false);
    expect(check.problems.filter((p) => p.file.endsWith('xin-shixiang.md') && p.kind === 'unfilled').length).toBeGreaterThanOrEqual(4);
    const fresh = completeness(check.entries, { today: '2026-11-22' })[0]?.procedures.find((p) => p.id === 'xin-shixiang');
    expect(fresh?.marks).toMatchObject({ code: false, eligibility: false, statutory: false, promised: false, visits: false, fee: false, legalBasis: false });
  });

  it('refuses to overwrite an existing file', () => {
    const before = readFileSync(join(dir, 'units/chuangkou/staff/li-hua.yaml'), 'utf8');
    expect(() => planNew('staff', 'chuangkou/li-hua', options())).toThrow(ScaffoldError);
    expect(() => planNew('staff', 'chuangkou/li-hua', options())).toThrow('已经有 units/chuangkou/staff/li-hua.yaml，不会覆盖它');
    expect(() => planNew('unit', 'chuangkou', options())).toThrow('已经有 units/chuangkou/unit.yaml');
    expect(readFileSync(join(dir, 'units/chuangkou/staff/li-hua.yaml'), 'utf8')).toBe(before);
    // A file that appears between planning and writing is not replaced either.
    const plan = planNew('post', 'chuangkou/shoufei', options());
    writeFileSync(join(dir, 'units/chuangkou/posts/shoufei.yaml'), 'name: 别人刚写的\n');
    expect(() => writeNew(plan, dir)).toThrow('不会覆盖');
    expect(readFileSync(join(dir, 'units/chuangkou/posts/shoufei.yaml'), 'utf8')).toBe('name: 别人刚写的\n');
  });

  it('rejects a bad file name with a Chinese message and a suggestion', () => {
    expect(() => planNew('staff', 'chuangkou/张晓明', options())).toThrow(
      '文件名“张晓明”不能用：文件名会成为网址的一部分，只能用小写英文字母、数字和短横线（-），不能有空格、大写字母和汉字；可以写成 zhang-xiaoming',
    );
    expect(() => planNew('procedure', 'chuangkou/Hukou_Qianyi', options())).toThrow('可以写成 hukou-qianyi');
    expect(() => planNew('unit', 'Men Zhen', options())).toThrow('单位文件夹名“Men Zhen”不能用');
    // A place is one word without its generic ending, not a surname and a given name (min-zhengchuangkou).
    expect(() => planNew('unit', '民政窗口', options())).toThrow('可以写成 minzheng');
    expect(() => planNew('unit', '门诊服务中心', options())).toThrow('可以写成 menzhen');
    expect(() => planNew('procedure', 'chuangkou/出生医学证明', options())).toThrow('可以写成 chushengyixuezhengming');
    expect(() => planNew('staff', 'nowhere/li-si', options())).toThrow('找不到单位 units/nowhere/unit.yaml');
    expect(() => planNew('staff', 'li-si', options())).toThrow('要写成 单位/文件名');
    expect(() => planNew('screen', 'x', options())).toThrow('不认识的类型“screen”');
  });

  it('runs as a command: prints what it wrote and what to do next, and exits 2 (a usage error) on a mistake', async () => {
    const ok = await runScript('new.ts', ['pledge', 'chuangkou/2027', '--content', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ 新建 units/chuangkou/pledges/2027.yaml');
    expect(ok.stdout).toContain('下一步：');
    expect(readFileSync(join(dir, 'units/chuangkou/pledges/2027.yaml'), 'utf8')).toContain('title: 2027 年度综合受理窗口服务承诺');
    const again = await runScript('new.ts', ['pledge', 'chuangkou/2027', '--content', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('✗ 已经有 units/chuangkou/pledges/2027.yaml，不会覆盖它');
  });
});
