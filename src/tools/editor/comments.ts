/**
 * The doc comments on schema fields, read from the schema sources.
 *
 * Every field in `src/schemas/*.ts` has a Chinese doc comment written for the
 * person who fills it in (`/** 姓名。 *\/`). Zod does not keep comments at
 * run time, so the editor hints read them from the source with the
 * TypeScript compiler API: each object literal passed to `z.object`,
 * `z.strictObject`, `z.looseObject` or `<schema>.extend` becomes one
 * {@link SourceObject} with its property names, their comments and the
 * `.meta({ title })` the object carries, if any. The JSON Schema generator
 * then matches each generated object to the source object with the same
 * property names (see {@link findSourceObject}).
 *
 * Used at generation time only (`npm run schema` and its test), never by the
 * site.
 */
import ts from 'typescript';

export interface SourceObject {
  /** Where the object literal is, `common.ts:123`, for messages. */
  where: string;
  /** The `title` of the `.meta({ title })` called on the object, if any. */
  title?: string;
  /** Property names in source order; for `base.extend({...})` the base's first. */
  keys: string[];
  /** Each property's doc comment, as one line of text. */
  comments: Map<string, string>;
}

export interface SourceText {
  /** File name, used in `where`. */
  name: string;
  text: string;
}

const OBJECT_FACTORIES = new Set(['object', 'strictObject', 'looseObject']);

/**
 * Joins the lines of a doc comment. Chinese runs on without spaces, so a
 * line break between two Chinese characters (or after Chinese punctuation)
 * disappears; elsewhere it becomes a space.
 */
export function joinCommentLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .reduce((out, line) => {
      if (out === '') return line;
      const cjk = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
      return cjk.test(out.at(-1) ?? '') || cjk.test(line[0] ?? '') ? out + line : `${out} ${line}`;
    }, '');
}

function docComment(node: ts.Node, file: ts.SourceFile): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs.at(-1);
  if (last) {
    const text = ts.getTextOfJSDocComment(last.comment);
    return text ? joinCommentLines(text) : undefined;
  }
  // TypeScript attaches a doc comment only when a line break precedes it: `{ /** 甲 */ x: t }` is found here.
  // Comments on the line of the previous token count as its trailing comments.
  const ranges = [...(ts.getTrailingCommentRanges(file.text, node.pos) ?? []), ...(ts.getLeadingCommentRanges(file.text, node.pos) ?? [])];
  const doc = ranges.filter((r) => file.text.startsWith('/**', r.pos)).at(-1);
  if (!doc) return undefined;
  const body = file.text
    .slice(doc.pos + 3, doc.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*?/, ''))
    .join('\n');
  return joinCommentLines(body) || undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The object literal that describes an object schema's shape, if `call` builds one. */
function shapeLiteral(call: ts.CallExpression): { literal: ts.ObjectLiteralExpression; base?: ts.Expression } | undefined {
  const arg = call.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const method = call.expression.name.text;
  if (OBJECT_FACTORIES.has(method) && ts.isIdentifier(call.expression.expression) && call.expression.expression.text === 'z') {
    return { literal: arg };
  }
  if (method === 'extend') return { literal: arg, base: call.expression.expression };
  return undefined;
}

/** The `title` of the first `.meta({ title: '…' })` chained on `node` (through `.optional()`, `.superRefine()`…). */
function chainedTitle(node: ts.Expression): string | undefined {
  let current: ts.Node = node;
  for (;;) {
    const access = current.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== current) return undefined;
    const call = access.parent;
    if (!call || !ts.isCallExpression(call) || call.expression !== access) return undefined;
    if (access.name.text === 'meta') {
      const arg = call.arguments[0];
      if (arg && ts.isObjectLiteralExpression(arg)) {
        for (const prop of arg.properties) {
          if (ts.isPropertyAssignment(prop) && propertyName(prop.name) === 'title') {
            const value = prop.initializer;
            if (ts.isStringLiteralLike(value)) return value.text;
          }
        }
      }
    }
    current = call;
  }
}

function literalProperties(literal: ts.ObjectLiteralExpression, file: ts.SourceFile): Array<{ key: string; comment?: string }> {
  const out: Array<{ key: string; comment?: string }> = [];
  for (const prop of literal.properties) {
    if (!ts.isPropertyAssignment(prop) && !ts.isShorthandPropertyAssignment(prop)) continue;
    const key = propertyName(prop.name);
    if (key === undefined) continue;
    const comment = docComment(prop, file);
    out.push(comment === undefined ? { key } : { key, comment });
  }
  return out;
}

/**
 * Every object shape literal in the given sources. A `base.extend({...})`
 * whose base is a variable declared in the same file gets the base's
 * properties too, so that its key set is the one the schema has at run time.
 */
export function readSourceObjects(sources: readonly SourceText[]): SourceObject[] {
  const objects: SourceObject[] = [];
  for (const source of sources) {
    const file = ts.createSourceFile(source.name, source.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const declared = new Map<string, ts.ObjectLiteralExpression>();
    const pending: Array<{ call: ts.CallExpression; literal: ts.ObjectLiteralExpression; base?: ts.Expression }> = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const shape = shapeLiteral(node);
        if (shape) pending.push({ call: node, ...shape });
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        // The innermost object shape in the initializer's call chain: `const x = z.strictObject({...}).meta(...)`.
        let expr: ts.Expression = node.initializer;
        for (;;) {
          if (ts.isCallExpression(expr)) {
            const shape = shapeLiteral(expr);
            if (shape && !shape.base) {
              declared.set(node.name.text, shape.literal);
              break;
            }
            if (ts.isPropertyAccessExpression(expr.expression)) {
              expr = expr.expression.expression;
              continue;
            }
          }
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    for (const { call, literal, base } of pending) {
      const props = literalProperties(literal, file);
      if (base) {
        const baseLiteral = ts.isIdentifier(base) ? declared.get(base.text) : undefined;
        // An extension of something we cannot see: its key set would not match anything at run time.
        if (!baseLiteral) continue;
        props.unshift(...literalProperties(baseLiteral, file).filter((p) => !props.some((q) => q.key === p.key)));
      }
      const { line } = file.getLineAndCharacterOfPosition(literal.getStart(file));
      const title = chainedTitle(call);
      objects.push({
        where: `${source.name}:${line + 1}`,
        ...(title !== undefined ? { title } : {}),
        keys: props.map((p) => p.key),
        comments: new Map(props.flatMap((p) => (p.comment === undefined ? [] : [[p.key, p.comment] as const]))),
      });
    }
  }
  return objects;
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');

/**
 * The source object an object schema with these property names (and title)
 * was built from: the one with exactly the same names; among several, the one
 * with the same title. Throws when that still leaves several that disagree on
 * a comment, since a wrong description is worse than none.
 */
export function findSourceObject(objects: readonly SourceObject[], keys: readonly string[], title: string | undefined): SourceObject | undefined {
  let candidates = objects.filter((o) => sameKeys(o.keys, keys));
  if (candidates.length > 1) {
    const titled = candidates.filter((o) => o.title === title);
    if (titled.length > 0) candidates = titled;
  }
  const [first, ...rest] = candidates;
  if (!first) return undefined;
  for (const other of rest) {
    for (const key of keys) {
      if (first.comments.get(key) !== other.comments.get(key)) {
        throw new Error(
          `Cannot tell which of ${first.where} and ${other.where} describes the object {${keys.join(', ')}}${title ? ` (${title})` : ''}: ` +
            `give one of them a different .meta({ title })`,
        );
      }
    }
  }
  return first;
}
