/**
 * Turns schema validation issues into problems a publicity officer can act
 * on: the line and column, the field with its Chinese name, what is wrong in
 * plain words, and how to fix it, with an example taken from the schema.
 */
import type { z } from 'astro/zod';
import type { FieldMeta } from '#schemas/common.ts';
import { fieldPath, type Problem } from './problem.ts';
import type { ReadDifference, SourceFile } from './source.ts';

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, unknown>;
}

const def = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (schema: Schema): Partial<FieldMeta> | undefined =>
  (schema as unknown as { meta?: () => Partial<FieldMeta> | undefined }).meta?.();

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** True for the 未公布 / 待填写 choice that `orNotStated` puts before a field's own schema. */
function isNotStatedChoice(schema: Schema): boolean {
  let current = schema;
  for (let i = 0; i < 5; i++) {
    const d = def(current);
    if (d.type === 'pipe' && d.in) current = d.in;
    else if (d.type === 'enum') return d.entries !== undefined && 'not-published' in d.entries;
    else return false;
  }
  return false;
}

/**
 * Steps through optional/default/transform wrappers, and through the
 * 未公布 / 待填写 choice of `orNotStated` to the field's own schema,
 * collecting metadata (outer wins).
 */
function unwrap(schema: Schema): { inner: Schema; meta: Partial<FieldMeta> } {
  let meta: Partial<FieldMeta> = {};
  let current = schema;
  for (let i = 0; i < 20; i++) {
    meta = { ...metaOf(current), ...meta };
    const d = def(current);
    if (WRAPPERS.has(d.type) && d.innerType) current = d.innerType;
    else if (d.type === 'pipe' && d.in) current = d.in;
    else if (d.type === 'union' && d.options?.length === 2 && d.options[0] && d.options[1] && isNotStatedChoice(d.options[0])) current = d.options[1];
    else break;
  }
  return { inner: current, meta };
}

/** The metadata (title, expected, example) of the field at `path`, outer wrappers first. */
export function metaAt(root: Schema, path: readonly PropertyKey[]): Partial<FieldMeta> | undefined {
  const s = schemaAt(root, path);
  return s ? unwrap(s).meta : undefined;
}

/** The schema of the field at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let current: Schema | undefined = root;
  for (const seg of path) {
    if (!current) return undefined;
    current = child(unwrap(current).inner, seg);
  }
  return current;
}

function child(schema: Schema, seg: PropertyKey): Schema | undefined {
  const d = def(schema);
  if (d.type === 'object' && d.shape) return d.shape[String(seg)];
  if (d.type === 'array' && typeof seg === 'number') return d.element;
  if (d.type === 'union' && d.options) {
    for (const option of d.options) {
      const found = child(unwrap(option).inner, seg);
      if (found) return found;
    }
  }
  return undefined;
}

/** The keys an object field accepts, for "did you mean" suggestions. */
function keysAt(root: Schema, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, path);
  if (!s) return [];
  const d = def(unwrap(s).inner);
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

function fieldMeta(root: Schema, path: readonly PropertyKey[]): Partial<FieldMeta> {
  const s = schemaAt(root, path);
  return s ? unwrap(s).meta : {};
}

/** The kind of value a field holds ('string', 'array', 'object', …), or undefined. */
function typeAt(root: Schema, path: readonly PropertyKey[]): string | undefined {
  const s = schemaAt(root, path);
  return s ? def(unwrap(s).inner).type : undefined;
}

/** How a missing field would be written: `key: 例子`, or a list or a group on the lines below it. */
function skeleton(root: Schema, path: readonly PropertyKey[], meta: Partial<FieldMeta>): string {
  const key = String(path.at(-1) ?? '');
  const type = typeAt(root, path);
  if (type === 'array') return `${key}:\n  - ${meta.example ?? '第一项'}`;
  if (type === 'object') {
    const keys = keysAt(root, path);
    return keys.length > 0 ? `${key}:\n  ${keys[0]}: …` : `${key}:`;
  }
  return `${key}: ${example(meta)}`;
}

/** A required field that is not there, pointed at from its parent, with how to write it. */
function missing(root: Schema, path: readonly PropertyKey[], meta: Partial<FieldMeta>, title: string): Explained {
  const written = skeleton(root, path, meta);
  return { message: `缺少必填的“${title}”`, fix: written.includes('\n') ? `加上\n${written}` : `加上一行 ${written}`, near: path.slice(0, -1), at: 'key' };
}

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string
 * alignment), since "phnoe" for "phone" is the commonest typo of all.
 */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[x.length] as number[])[y.length] as number;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best !== undefined && bestScore <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `是非值 ${value}`;
  if (value instanceof Date) return '日期';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '一组字段';
  return `“${String(value)}”`;
}

const TYPE_WORDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '一组“字段名: 值”',
  date: '日期',
};

function example(meta: Partial<FieldMeta>): string {
  if (meta.example) return meta.example;
  if (meta.labels) return Object.values(meta.labels)[0] ?? '';
  return '…';
}

function expectation(meta: Partial<FieldMeta>): string {
  const parts: string[] = [];
  if (meta.expected) parts.push(`应为${meta.expected}`);
  if (meta.example) parts.push(`例如 ${meta.example}`);
  return parts.join('，');
}

function labelList(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, label]) => `${label}（${key}）`)
    .join('、');
}

interface Explained {
  message: string;
  fix?: string;
  at?: 'key' | 'value';
  /** The field to name, when not the issue's own path (an unknown key). */
  field?: PropertyKey[];
  /** Where to point, when not at the field itself (a missing field points at its parent). */
  near?: PropertyKey[];
}

/** Field names that suggest personal data, which has no place on a public board. */
const PRIVATE_WORDS = ['phone', 'mobile', 'cellphone', 'telephone', 'idcard', 'idnumber', 'identity', 'address', 'homeaddress'];
const PRIVATE_CHINESE = /^(?:手机|电话|手机号|身份证|身份证号|身份证号码|住址|家庭住址|tel|id|cell)$/i;
const isPrivateKey = (key: string) => PRIVATE_CHINESE.test(key) || closest(key.replace(/[-_]/g, ''), PRIVATE_WORDS) !== undefined;

/** Values that read as "nothing" on a board and must be written out. */
const BLANKISH = new Set(['', '无', '暂无', '/', '-', '—', '空']);

function explainIssue(issue: Issue, root: Schema, source: SourceFile): Explained[] {
  const path = issue.path as PropertyKey[];
  const meta = fieldMeta(root, path);
  const title = meta.title ? `${meta.title}` : '这个字段';
  const key = String(path.at(-1) ?? '');
  const raw = source.rawText(path);
  const input = (issue as { input?: unknown }).input;
  const shown = raw ?? (input === undefined ? '' : String(input));

  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected as string;
      if (input === undefined && !source.locate(path).exact) {
        return [missing(root, path, meta, title)];
      }
      if (input === null || input === undefined) {
        return [{ message: `“${title}”没有填写`, fix: `填写内容，例如 ${key}: ${example(meta)}`, at: 'key' }];
      }
      if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean' || input instanceof Date)) {
        let why = `YAML 把没有引号的 ${shown} 读成了${typeof input === 'number' ? `数字 ${input}` : describeValue(input)}`;
        if (typeof input === 'number' && /^[+-]?0\d/.test(shown)) why += '，开头的 0 会丢失';
        else if (typeof input === 'number' && /e[+-]?\d/i.test(shown)) why += '（像是 Excel 把长数字变成了科学计数法，原来的数字已经丢失，请重新抄写）';
        else why += `，“${title}”要原样保存为文字`;
        return [{ message: why, fix: `加上英文引号，写成 ${typeof path.at(-1) === 'number' ? '' : `${key}: `}"${shown}"` }];
      }
      if (expected === 'array' && input !== null && typeof input !== 'object') {
        return [{ message: `“${title}”应为列表，每项一行，以“- ”开头`, fix: `写成\n${key}:\n  - ${shown}` }];
      }
      if (expected === 'object') {
        return [{ message: `“${title}”下面应是几行缩进的“字段名: 值”，实际是${describeValue(input)}`, fix: expectation(meta) || '对照示例文件的写法' }];
      }
      if ((expected === 'number' || expected === 'int') && typeof input === 'string') {
        return [{ message: `“${title}”应为${TYPE_WORDS[expected]}，实际是文字“${input}”`, fix: `去掉引号和单位，只写数字，例如 ${key}: ${example(meta)}` }];
      }
      if (expected === 'int' && typeof input === 'number') {
        return [{ message: `“${title}”应为整数，实际是 ${input}`, fix: `写成整数，例如 ${key}: ${example(meta)}` }];
      }
      if (expected === 'boolean') {
        return [{ message: `“${title}”只能写 true（是）或 false（否），实际是${describeValue(input)}`, fix: `写成 ${key}: true 或 ${key}: false` }];
      }
      return [{ message: `“${title}”应为${TYPE_WORDS[expected] ?? expected}，实际是${describeValue(input)}`, fix: expectation(meta) || undefined } as Explained];
    }
    case 'unrecognized_keys': {
      const known = keysAt(root, path);
      return issue.keys.map((unknown) => {
        const guess = closest(unknown, known);
        if (guess === undefined && isPrivateKey(unknown)) {
          return {
            message: `“${unknown}”像是个人隐私信息，公开栏不发布身份证号、私人电话和家庭住址`,
            fix: '删除这一行。对外联系请用单位的咨询电话和监督渠道',
            at: 'key' as const,
            field: [...path, unknown],
          };
        }
        const guessTitle = guess ? fieldMeta(root, [...path, guess]).title : undefined;
        return {
          message: `不认识的字段“${unknown}”`,
          fix: guess
            ? `是不是想写 ${guess}${guessTitle ? `（${guessTitle}）` : ''}？`
            : `删除这一行，或改成可以填写的字段：${known.join('、')}`,
          at: 'key' as const,
          field: [...path, unknown],
        };
      });
    }
    case 'invalid_value': {
      if (meta.labels) {
        const labels = meta.labels;
        const guess = closest(String(input), [...Object.keys(labels), ...Object.values(labels)]);
        return [
          {
            message: `“${title}”不能写“${shown}”`,
            fix: `${guess ? `是不是想写“${guess}”？` : ''}可以填写：${labelList(labels)}`,
          },
        ];
      }
      const values = issue.values.map((v) => String(v)).join('、');
      return [{ message: `“${title}”不能写“${shown}”`, fix: `可以填写：${values}` }];
    }
    case 'too_small': {
      if (issue.origin === 'string') {
        return [{ message: `“${title}”不能为空`, fix: `填写内容，例如 ${key}: ${example(meta)}` }];
      }
      if (issue.origin === 'array') {
        return [{ message: `“${title}”至少要写 ${String(issue.minimum)} 项`, fix: `在 ${key}: 下面按“- 内容”逐行填写` }];
      }
      return [{ message: `“${title}”不能小于 ${String(issue.minimum)}，实际是 ${shown}`, fix: expectation(meta) || undefined } as Explained];
    }
    case 'too_big': {
      if (issue.origin === 'array' || issue.origin === 'string') {
        return [{ message: `“${title}”太长了：最多 ${String(issue.maximum)} ${issue.origin === 'array' ? '项' : '个字'}` }];
      }
      return [{ message: `“${title}”不能大于 ${String(issue.maximum)}，实际是 ${shown}`, fix: expectation(meta) || undefined } as Explained];
    }
    case 'invalid_format': {
      return [{ message: `“${title}”的格式不对：“${shown}”`, fix: expectation(meta) || undefined } as Explained];
    }
    case 'invalid_union': {
      if (input === undefined && !source.locate(path).exact) {
        return [missing(root, path, meta, title)];
      }
      if (input === null || input === undefined || BLANKISH.has(String(input).trim())) {
        return [
          {
            message: `“${title}”不能写“${shown || '（空）'}”：看的人分不清是没有还是没填`,
            fix: meta.fix ?? (expectation(meta) || undefined),
            at: input === null ? 'key' : 'value',
          } as Explained,
        ];
      }
      // A field that also accepts 未公布 / 待填写 is explained as the field
      // it is: the value was meant for the field's own schema.
      const stated = issue.errors.filter((errs) => !errs.every((e) => e.code === 'invalid_value' && (e.values as unknown[]).includes('not-published')));
      if (stated.length === 1 && stated.length < issue.errors.length && stated[0]) {
        return stated[0].flatMap((inner) => {
          const innerPath = [...path, ...inner.path];
          return explainIssue({ ...inner, path: innerPath } as Issue, root, source).map((e) => ({ ...e, field: e.field ?? innerPath }));
        });
      }
      // Explain the branch that matched the value's shape (a list of fee
      // items, say) rather than a summary of every branch.
      const branches = stated.filter((errs) => !errs.some((e) => e.path.length === 0));
      if (branches.length === 1 && branches[0]) {
        return branches[0].flatMap((inner) => {
          const innerPath = [...path, ...inner.path];
          return explainIssue({ ...inner, path: innerPath } as Issue, root, source).map((e) => ({ ...e, field: e.field ?? innerPath }));
        });
      }
      return [{ message: `“${title}”不能写${describeValue(input)}`, fix: meta.fix ?? (expectation(meta) || undefined) } as Explained];
    }
    case 'custom': {
      const params = (issue.params ?? {}) as { fix?: string };
      return [{ message: issue.message, fix: params.fix ?? meta.fix ?? (expectation(meta) || undefined) } as Explained];
    }
    default:
      return [{ message: `“${title}”填写有误`, fix: expectation(meta) || undefined } as Explained];
  }
}

/** Problems for the issues a schema found in one file. */
export function explainIssues(issues: readonly Issue[], root: Schema, source: SourceFile): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    for (const e of explainIssue(issue, root, source)) {
      const fieldAt = e.field ?? (issue.path as PropertyKey[]);
      const { position } = source.locate(e.near ?? fieldAt, e.at ?? 'value');
      const title = fieldMeta(root, fieldAt).title;
      const field = fieldPath(fieldAt);
      problems.push({
        severity: 'error',
        // A refinement names its own kind of problem ('phone', 'promised-longer').
        kind: issue.code === 'custom' && typeof issue.params?.kind === 'string' ? issue.params.kind : issue.code,
        file: source.relPath,
        line: position.line,
        column: position.column,
        ...(field ? { field } : {}),
        ...(title && field ? { fieldTitle: title } : {}),
        message: e.message,
        ...(e.fix ? { fix: e.fix } : {}),
      });
    }
  }
  return problems;
}

/**
 * Problems for unquoted values that the site's YAML reader reads as another
 * type than the checker (see `readDifferently` in source.ts): a date or a
 * number where the field wants text, or text where it wants a number. A
 * field that accepts what the site reads (a date in a date field) passes.
 * `skip` lists fields already reported.
 */
export function explainDifferences(differences: readonly ReadDifference[], root: Schema, source: SourceFile, skip: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  for (const d of differences) {
    const field = fieldPath(d.path);
    if (skip.has(field)) continue;
    const schema = schemaAt(root, d.path);
    if (!schema) continue;
    if ((schema as unknown as { safeParse: (v: unknown) => { success: boolean } }).safeParse(d.value).success) continue;
    const meta = fieldMeta(root, d.path);
    const title = meta.title ?? '这个字段';
    const key = d.path.at(-1);
    const asText = typeof d.value === 'string';
    const read = d.value instanceof Date ? (d.raw.length > 10 ? '日期和时间' : '日期') : asText ? '文字' : `数字 ${String(d.value)}`;
    problems.push({
      severity: 'error',
      kind: d.value instanceof Date ? 'unquoted-date' : asText ? 'number-as-text' : 'unquoted-number',
      file: source.relPath,
      line: d.position.line,
      column: d.position.column,
      ...(field ? { field } : {}),
      ...(meta.title && field ? { fieldTitle: meta.title } : {}),
      message: `生成网站时，没有引号的 ${d.raw} 会被读成${read}，而“${title}”要的是${asText ? '数字' : '文字'}`,
      fix: asText ? `写成普通的数字，例如 ${typeof key === 'number' ? '' : `${String(key)}: `}${example(meta)}` : `加上英文引号，写成 ${typeof key === 'number' ? '' : `${String(key)}: `}"${d.raw}"`,
    });
  }
  return problems;
}
