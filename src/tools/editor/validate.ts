/**
 * A small JSON Schema validator for exactly the subset the editor-hint
 * generator writes (draft-07: type, enum, const, string length and pattern,
 * number bounds, arrays with one item schema, objects with properties,
 * required and additionalProperties, anyOf). It exists so that tests can
 * check every content file against the generated schemas without another
 * dependency; a keyword outside the subset is an error, so the generator
 * cannot start writing something this validator silently ignores.
 */

export interface SchemaError {
  /** Where in the document: `materials[1].form`, or '' for the whole. */
  path: string;
  message: string;
}

type Schema = { [key: string]: unknown };

/** Keywords that only describe (shown by the editor), never constrain. */
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'examples', 'default', 'enumDescriptions', 'format']);
const ASSERTIONS = new Set([
  'type',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
]);

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every way `value` fails `schema`; empty when it is valid. Throws on a keyword outside the subset. */
export function validateJson(schema: unknown, value: unknown, path = ''): SchemaError[] {
  if (schema === true) return [];
  if (schema === false) return [{ path, message: 'no value is allowed here' }];
  if (!isObject(schema)) throw new Error(`not a schema at ${path || '(root)'}`);
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`keyword "${key}" at ${path || '(root)'} is outside the supported subset`);
  }
  const errors: SchemaError[] = [];
  const fail = (message: string) => errors.push({ path, message });

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t))) {
      fail(`expected ${types.join(' or ')}, got ${typeOf(value)}`);
      return errors;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => equal(e, value))) fail(`${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && !equal(schema.const, value)) fail(`expected ${JSON.stringify(schema.const)}`);

  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) fail(`shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail(`longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`less than ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`greater than ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail(`not greater than ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) fail(`not less than ${schema.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    if (schema.items !== undefined) {
      if (Array.isArray(schema.items)) throw new Error(`tuple "items" at ${path || '(root)'} is outside the supported subset`);
      value.forEach((item, i) => errors.push(...validateJson(schema.items, item, join(path, i))));
    }
  }
  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const key of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
      if (!(key in value)) errors.push({ path: join(path, key), message: 'required property is missing' });
    }
    for (const [key, child] of Object.entries(value)) {
      if (key in properties) errors.push(...validateJson(properties[key], child, join(path, key)));
      else if (schema.additionalProperties === false) errors.push({ path: join(path, key), message: 'unknown property' });
      else if (isObject(schema.additionalProperties)) errors.push(...validateJson(schema.additionalProperties, child, join(path, key)));
    }
  }
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.map((branch) => validateJson(branch, value, path));
    if (!branches.some((b) => b.length === 0)) {
      // The branch that got furthest explains best: the one with the fewest errors.
      const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
      errors.push(...best);
    }
  }
  return errors;
}
