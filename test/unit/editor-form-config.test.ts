/**
 * The form editor's configuration is generated from src/schemas: every field
 * a schema has is a field of its form, with the schema's Chinese title, hint,
 * default and choices, and the common cases are one click.
 */
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '#schemas/collections.ts';
import { formPaths, generateFormConfig, type FormField, type Widget } from '#tools/editor/form-config.ts';
import { generateJsonSchemas, type JsonSchema } from '#tools/editor/json-schema.ts';

const config = generateFormConfig();
const form = (name: string) => {
  const found = config.collections.find((c) => c.name === name);
  if (!found) throw new Error(`no form for ${name}`);
  return found;
};
/** The field at `path` (`timeLimit.promised`, `items[].status`). */
function field(collection: string, path: string): FormField {
  let fields = form(collection).fields;
  let found: FormField | undefined;
  for (const step of path.split('.')) {
    const [key, list] = step.endsWith('[]') ? [step.slice(0, -2), true] : [step, false];
    found = fields.find((f) => f.key === key);
    if (!found) throw new Error(`no field ${path}`);
    let w: Widget = found.widget;
    if (list && w.type === 'list') {
      found = w.item;
      w = w.item.widget;
    }
    fields = w.type === 'object' ? w.fields : [];
  }
  return found as FormField;
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every property path of a JSON Schema, lists as `[]`, union branches at the same path. */
function schemaPaths(node: unknown, prefix = ''): string[] {
  if (!isObject(node)) return [];
  const out: string[] = [];
  if (isObject(node.properties)) {
    for (const [key, child] of Object.entries(node.properties)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      out.push(path, ...schemaPaths(child, path));
    }
  }
  if (isObject(node.items)) out.push(...schemaPaths(node.items, `${prefix}[]`));
  if (Array.isArray(node.anyOf)) for (const b of node.anyOf) out.push(...schemaPaths(b, prefix));
  return out;
}

describe('the form configuration', () => {
  it('has a form for every kind of content', () => {
    expect(config.collections.map((c) => c.name)).toEqual(COLLECTION_NAMES);
  });

  it('has a form field for every field of every schema', () => {
    const { schemas } = generateJsonSchemas();
    for (const name of COLLECTION_NAMES) {
      const inForm = new Set(formPaths(form(name).fields));
      const missing = [...new Set(schemaPaths(schemas.get(name)))].filter((p) => !inForm.has(p));
      expect(missing, `${name}: schema fields without a form field`).toEqual([]);
    }
  });

  it('takes titles, hints and required flags from the schema', () => {
    const name = field('staff', 'name');
    expect(name.title).toBe('姓名');
    expect(name.required).toBe(true);
    expect(field('staff', 'intro').required).toBe(false);
    expect(field('procedures', 'fee').hint).toContain('不能写“无”');
  });

  it('offers a staff member’s post as a chooser of the unit’s posts, and a pledge’s staff member as one of its staff', () => {
    expect(field('staff', 'post').widget).toEqual({ type: 'reference', target: 'posts' });
    expect(field('pledges', 'by.staff').widget).toEqual({ type: 'reference', target: 'staff' });
  });

  it('offers enumerations by their Chinese labels and reads the English keys as the same choice', () => {
    const w = field('pledges', 'items[].status').widget;
    expect(w.type).toBe('enum');
    if (w.type !== 'enum') return;
    expect(w.options.map((o) => o.label)).toEqual(['未开始', '进行中', '已兑现', '未兑现']);
    expect(w.options.find((o) => o.label === '已兑现')?.aliases).toEqual(['kept']);
  });

  it('shows a default as the label a person writes', () => {
    expect(field('procedures', 'timeLimit.promisedUnit').default).toBe('工作日');
    expect(field('staff', 'onDuty').default).toBe(true);
  });

  it('makes 当场办结 one click and a number of days the other choice of a time limit', () => {
    const w = field('procedures', 'timeLimit.promised').widget;
    expect(w.type).toBe('choice');
    if (w.type !== 'choice') return;
    expect(w.options.map((o) => o.value ?? o.field?.widget.type)).toEqual(['integer', '当场办结']);
  });

  it('makes 不收费 one click and a list of fee items with their basis the other choice', () => {
    const w = field('procedures', 'fee').widget;
    if (w.type !== 'choice') throw new Error('fee is not a choice');
    expect(w.options[0]?.value).toBe('不收费');
    const items = w.options[1]?.field?.widget;
    expect(items?.type).toBe('list');
    if (items?.type !== 'list' || items.item.widget.type !== 'object') return;
    expect(items.item.widget.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['name', 'amount', 'basis']));
  });

  it('offers 未公布 and 待填写 beside a field that accepts them, and keeps the field’s own widget', () => {
    const timeLimit = field('procedures', 'timeLimit');
    expect(timeLimit.widget.type).toBe('object');
    expect(timeLimit.notStated?.map((o) => o.label)).toEqual(['未公布', '待填写']);
    expect(timeLimit.notStated?.find((o) => o.label === '未公布')?.aliases).toEqual(['not-published']);
    expect(field('procedures', 'visits').widget.type).toBe('integer');
    expect(field('procedures', 'fee').notStated?.map((o) => o.value)).toEqual(['未公布', '待填写']);
    expect(field('units', 'phone').widget.type).toBe('phone');
    expect(field('units', 'phone').notStated).toBeDefined();
    // A field that does not accept them offers neither.
    expect(field('staff', 'name').notStated).toBeUndefined();
  });

  it('lets a procedure’s and a unit’s hours be filled from the organisation’s default hours', () => {
    for (const collection of ['procedures', 'units']) {
      const w = field(collection, 'hours').widget;
      expect(w.type === 'object' && w.defaultFrom).toBe('site.hours');
    }
  });

  it('marks photos, phones, dates and codes for their widgets', () => {
    expect(field('staff', 'photo').widget.type).toBe('image');
    expect(field('staff', 'workPhone').widget.type).toBe('phone');
    // A pledge's deadline is 长期 in one click or a date in a date widget (and 未公布 / 待填写 beside it).
    const deadline = field('pledges', 'items[].deadline');
    const w = deadline.widget;
    expect(w.type === 'choice' && w.options.map((o) => o.value ?? o.field?.widget.type)).toEqual(['长期', 'date']);
    expect(w.type === 'choice' && w.options[0]?.aliases).toEqual(['长期坚持', '长期有效', 'standing']);
    expect(deadline.notStated?.map((o) => o.label)).toEqual(['未公布', '待填写']);
    expect(field('staff', 'number').widget).toMatchObject({ type: 'text', quote: true });
  });
});
