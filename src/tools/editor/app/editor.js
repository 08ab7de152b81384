// @ts-check
/**
 * The form editor's page. Draws a form for any content file from the
 * configuration the server generates from src/schemas (see
 * ../form-config.ts): no field is listed here. Each widget returns its
 * element and a `get()` that reads the value back; values the officer did
 * not touch are sent back as they were read, so the server can leave their
 * lines alone.
 */

/** @typedef {{ value: string, label: string, aliases: string[] }} Option */
/** @typedef {{ key: string, title: string, hint?: string, expected?: string, example?: string, required: boolean, default?: unknown, notStated?: Option[], widget: any }} Field */
/** @typedef {{ el: HTMLElement, get: () => unknown }} Rendered */

const state = {
  /** @type {any} */ config: null,
  /** @type {any} */ defaults: {},
  /** @type {any} */ tree: null,
  /** @type {string | null} */ file: null,
  /** @type {string | undefined} */ unit: undefined,
  create: false,
  /** @type {(() => { data: any, body?: string }) | null} */ collect: null,
  /** @type {string[]} */ attachments: [],
};

let ids = 0;
const nextId = () => `f${++ids}`;

/**
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {Array<Node | string | null | undefined | false>} [children]
 */
function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** @param {string} url @param {RequestInit} [init] */
async function api(url, init) {
  const res = await fetch(url, init);
  const body = await res.json();
  return { status: res.status, body };
}

/**
 * A field with its label, hint and a place for the checker's messages.
 * @param {Field} field @param {string} path @param {unknown} value
 * @returns {Rendered}
 */
function renderField(field, path, value) {
  const id = nextId();
  const hintId = `${id}-hint`;
  const marker = field.notStated?.find((o) => o.value === value || o.aliases.includes(String(value)));
  // A field that holds 未公布 / 待填写 opens its own widget empty, ready for the fact once it is known.
  const inner = renderWidget(field, path, marker ? undefined : value, id, hintId);
  const compound = ['object', 'list', 'choice'].includes(field.widget.type) || field.widget.type === 'boolean';
  const notStated = field.notStated ? renderNotStated(field, value, marker, inner, compound) : null;
  const hintText = field.hint ?? (field.expected ? `${field.expected}${field.example ? `，例如 ${field.example}` : ''}` : undefined);
  const label = compound ? null : h('label', { for: id }, [field.title, field.required ? h('span', { class: 'required', text: '（必填）' }) : null]);
  const el = h('div', { class: 'field', 'data-field': path, 'data-key': field.key }, [
    label,
    hintText && !compound ? h('p', { class: 'hint', id: hintId, text: hintText }) : null,
    notStated?.el,
    inner.el,
    h('div', { class: 'problems', 'aria-live': 'polite' }),
  ]);
  return { el, get: notStated ? notStated.get : inner.get };
}

/**
 * Beside a field that accepts 未公布 / 待填写: 按原文填写 (the field's own
 * widget) or one of the two values, which hides the widget and is written as
 * the YAML value. A file's own spelling (not-published) is kept when unchanged.
 * A group (an object, a list, a choice) has its title in its own frame, which
 * the choice hides; the radios then say whose they are.
 * @param {Field} field @param {unknown} value @param {Option | undefined} marker @param {Rendered} inner @param {boolean} titled
 * @returns {Rendered}
 */
function renderNotStated(field, value, marker, inner, titled) {
  const name = nextId();
  const options = /** @type {Option[]} */ (field.notStated);
  const group = h('div', { class: 'not-stated', role: 'radiogroup', 'aria-label': `${field.title}：原文是否写明` }, [titled ? h('strong', { text: `${field.title}：` }) : null]);
  /** @type {Array<{ input: HTMLInputElement, option?: Option }>} */
  const parts = [{ label: '按原文填写', option: undefined }, ...options.map((o) => ({ label: o.label, option: o }))].map(({ label, option }) => {
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name, value: option?.value ?? '' }));
    input.checked = option === marker;
    group.append(h('label', {}, [input, label]));
    return { input, ...(option ? { option } : {}) };
  });
  const sync = () => (inner.el.hidden = !(parts[0]?.input.checked ?? true));
  for (const p of parts) p.input.addEventListener('change', sync);
  sync();
  return {
    el: group,
    get: () => {
      const chosen = parts.find((p) => p.input.checked)?.option;
      if (!chosen) return inner.get();
      return value === chosen.value || chosen.aliases.includes(String(value)) ? value : chosen.value;
    },
  };
}

/**
 * @param {Field} field @param {string} path @param {unknown} value @param {string} id @param {string} hintId
 * @returns {Rendered}
 */
function renderWidget(field, path, value, id, hintId) {
  const w = field.widget;
  const original = value;
  // A default that the file did not write stays unwritten unless changed.
  const keepAbsent = (/** @type {unknown} */ v) => (original === undefined && field.default !== undefined && v === field.default ? undefined : v);
  const shown = value === undefined ? field.default : value;
  switch (w.type) {
    case 'text':
    case 'phone':
    case 'attachment':
    case 'date': {
      const input =
        w.type === 'text' && w.multiline
          ? h('textarea', { id, 'aria-describedby': hintId })
          : h('input', {
              id,
              type: w.type === 'phone' ? 'tel' : w.type === 'date' ? 'date' : 'text',
              'aria-describedby': hintId,
              placeholder: field.example?.replace(/^"|"$/g, ''),
            });
      /** @type {HTMLInputElement} */ (input).value = shown === undefined || shown === null ? '' : String(shown);
      return { el: input, get: () => emptyToUndefined(/** @type {HTMLInputElement} */ (input).value, original) };
    }
    case 'integer': {
      const input = /** @type {HTMLInputElement} */ (h('input', { id, type: 'number', step: 1, min: w.min, max: w.max, 'aria-describedby': hintId }));
      input.value = typeof shown === 'number' ? String(shown) : '';
      return {
        el: input,
        get: () => {
          if (input.value.trim() === '') return undefined;
          const n = Number(input.value);
          return keepAbsent(Number.isFinite(n) ? n : input.value);
        },
      };
    }
    case 'boolean': {
      const input = /** @type {HTMLInputElement} */ (h('input', { id, type: 'checkbox' }));
      input.checked = shown === true;
      const el = h('div', {}, [h('label', {}, [input, ` ${field.title}`]), field.hint ? h('p', { class: 'hint', text: field.hint }) : null]);
      return { el, get: () => (original === undefined && field.default === undefined && !input.checked ? undefined : keepAbsent(input.checked)) };
    }
    case 'enum':
      return renderSelect(
        w.options.map((/** @type {any} */ o) => ({ value: o.value, label: o.label, aliases: o.aliases })),
        shown,
        original,
        id,
        hintId,
        keepAbsent,
      );
    case 'reference': {
      const unit = state.tree?.units.find((/** @type {any} */ u) => u.id === state.unit);
      const items = w.target === 'units' ? state.tree?.units.map((/** @type {any} */ u) => ({ slug: u.id, title: u.title })) : (unit?.items[w.target] ?? []);
      const options = items.map((/** @type {any} */ i) => ({ value: i.slug, label: `${i.title}（${i.slug}）`, aliases: [] }));
      return renderSelect(options, shown, original, id, hintId, keepAbsent);
    }
    case 'image':
      return renderPhoto(field, shown, id, hintId);
    case 'object':
      return renderObject(field, path, value);
    case 'list':
      return renderList(field, path, value);
    case 'choice':
      return renderChoice(field, path, value);
    default: {
      const input = /** @type {HTMLTextAreaElement} */ (h('textarea', { id, 'aria-describedby': hintId }));
      input.value = value === undefined ? '' : JSON.stringify(value);
      return {
        el: input,
        get: () => {
          if (input.value.trim() === '') return undefined;
          try {
            return JSON.parse(input.value);
          } catch {
            return input.value;
          }
        },
      };
    }
  }
}

/** Text as typed; an emptied field is removed, an untouched one keeps its value exactly. */
function emptyToUndefined(/** @type {string} */ text, /** @type {unknown} */ original) {
  if (text === '') return undefined;
  if (original !== undefined && String(original) === text) return original;
  return text;
}

/**
 * @param {Array<{ value: string, label: string, aliases: string[] }>} options
 * @param {unknown} shown @param {unknown} original @param {string} id @param {string} hintId @param {(v: unknown) => unknown} keepAbsent
 * @returns {Rendered}
 */
function renderSelect(options, shown, original, id, hintId, keepAbsent) {
  const select = /** @type {HTMLSelectElement} */ (h('select', { id, 'aria-describedby': hintId }, [h('option', { value: '', text: '（请选择）' })]));
  const match = options.find((o) => o.value === shown || o.aliases.includes(String(shown)));
  for (const o of options) select.append(h('option', { value: o.value, text: o.label }));
  if (match) select.value = match.value;
  else if (shown !== undefined && shown !== null && shown !== '') {
    // A value the file has that is not among the choices: shown, so that saving does not lose it silently.
    select.append(h('option', { value: String(shown), text: `${String(shown)}（不在可选范围内）` }));
    select.value = String(shown);
  }
  return {
    el: select,
    get: () => {
      if (select.value === '') return undefined;
      const chosen = options.find((o) => o.value === select.value);
      // The same choice as the file wrote, in whichever spelling: keep the file's spelling.
      if (chosen && (original === chosen.value || chosen.aliases.includes(String(original)))) return original;
      return keepAbsent(select.value);
    },
  };
}

/** @param {Field} field @param {unknown} shown @param {string} id @param {string} hintId @returns {Rendered} */
function renderPhoto(field, shown, id, hintId) {
  const path = /** @type {HTMLInputElement} */ (h('input', { id, type: 'text', 'aria-describedby': hintId, placeholder: field.example }));
  path.value = typeof shown === 'string' ? shown : '';
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  const pick = /** @type {HTMLInputElement} */ (h('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp', 'aria-label': `上传${field.title}` }));
  pick.addEventListener('change', async () => {
    const file = pick.files?.[0];
    if (!file || !state.file) return;
    const ext = (file.name.split('.').pop() ?? 'jpg').toLowerCase().replace('jpeg', 'jpg');
    const stem =
      state.file
        .split('/')
        .pop()
        ?.replace(/\.[^.]+$/, '') ?? 'photo';
    status.textContent = '正在上传……';
    const res = await api(`/api/upload?file=${encodeURIComponent(state.file)}&name=${encodeURIComponent(`${stem}.${ext}`)}`, { method: 'POST', body: file });
    if (res.status !== 200) {
      status.textContent = `上传失败：${res.body.error}`;
      return;
    }
    path.value = res.body.path;
    state.attachments.push(res.body.path);
    status.textContent = `已上传到本文件旁边：${res.body.path}`;
  });
  const el = h('div', { class: 'photo' }, [path, pick, status]);
  return { el, get: () => (path.value.trim() === '' ? undefined : path.value.trim()) };
}

/** @param {Field} field @param {string} path @param {unknown} value @returns {Rendered} */
function renderObject(field, path, value) {
  const data = value && typeof value === 'object' && !Array.isArray(value) ? /** @type {Record<string, unknown>} */ (value) : {};
  const body = h('div');
  /** @type {Array<{ key: string, get: () => unknown }>} */
  let parts = [];
  const draw = (/** @type {Record<string, unknown>} */ d) => {
    body.replaceChildren();
    parts = field.widget.fields.map((/** @type {Field} */ f) => {
      const r = renderField(f, path === '' ? f.key : `${path}.${f.key}`, d[f.key]);
      body.append(r.el);
      return { key: f.key, get: r.get };
    });
  };
  draw(data);
  const get = () => {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const p of parts) {
      const v = p.get();
      if (v !== undefined) out[p.key] = v;
    }
    return out;
  };
  if (path === '') return { el: body, get };
  const legend = h('legend', {}, [field.title, field.required ? h('span', { class: 'required', text: '（必填）' }) : null]);
  const fieldset = h('fieldset', {}, [legend]);
  if (field.hint) fieldset.append(h('p', { class: 'hint', text: field.hint }));
  if (field.widget.defaultFrom === 'site.hours' && state.defaults.hours) {
    fieldset.append(
      h('button', {
        type: 'button',
        text: '使用本机构默认办公时间',
        onclick: () => {
          draw(structuredClone(state.defaults.hours));
          if (toggle) toggle.checked = true;
          body.hidden = false;
        },
      }),
    );
  }
  /** @type {HTMLInputElement | null} */
  let toggle = null;
  if (!field.required && field.key !== '') {
    // An optional group (hours, phones, online): left out unless ticked, so the default applies.
    toggle = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox' }));
    toggle.checked = value !== undefined;
    body.hidden = !toggle.checked;
    const t = toggle;
    t.addEventListener('change', () => (body.hidden = !t.checked));
    fieldset.append(h('label', {}, [toggle, ` 填写${field.title}`]));
  }
  fieldset.append(body);
  return {
    el: fieldset,
    get: () => {
      if (toggle && !toggle.checked) return undefined;
      const out = get();
      return Object.keys(out).length === 0 && !field.required ? undefined : out;
    },
  };
}

/** @param {Field} field @param {string} path @param {unknown} value @returns {Rendered} */
function renderList(field, path, value) {
  const item = field.widget.item;
  const values = Array.isArray(value) ? value : [];
  const list = h('div', { class: 'list' });
  /** @type {Array<{ el: HTMLElement, get: () => unknown }>} */
  const rows = [];
  const add = (/** @type {unknown} */ v) => {
    const row = h('div', { class: 'item' });
    const entry = { el: row, get: () => /** @type {unknown} */ (undefined) };
    const redraw = () => {
      row.replaceChildren();
      const index = rows.indexOf(entry);
      const r = renderField({ ...item, title: `${item.title} ${index + 1}` }, `${path}[${index}]`, v);
      entry.get = r.get;
      row.append(
        r.el,
        h('button', {
          type: 'button',
          text: `删除这一条${item.title}`,
          onclick: () => {
            v = undefined;
            rows.splice(rows.indexOf(entry), 1);
            row.remove();
          },
        }),
      );
    };
    rows.push(entry);
    list.append(row);
    redraw();
  };
  values.forEach(add);
  const el = h('fieldset', {}, [h('legend', {}, [field.title, field.required ? h('span', { class: 'required', text: '（必填）' }) : null])]);
  if (field.hint) el.append(h('p', { class: 'hint', text: field.hint }));
  el.append(list, h('button', { type: 'button', text: `添加一条${item.title}`, onclick: () => add(undefined) }));
  return {
    el,
    get: () => {
      const out = rows.map((r) => r.get()).filter((v) => v !== undefined && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0));
      if (out.length === 0) return Array.isArray(value) && value.length === 0 ? [] : field.required ? [] : undefined;
      return out;
    },
  };
}

/** Which option of a choice holds `value`. @param {any[]} options @param {unknown} value */
function chosenOption(options, value) {
  if (value === undefined) return -1;
  const fixed = options.findIndex((o) => o.value !== undefined && (o.value === value || (o.aliases ?? []).includes(String(value))));
  if (fixed >= 0) return fixed;
  return options.findIndex((o) => {
    const t = o.field?.widget.type;
    if (Array.isArray(value)) return t === 'list';
    if (typeof value === 'number') return t === 'integer';
    if (typeof value === 'object') return t === 'object';
    return t !== undefined && t !== 'list' && t !== 'object' && t !== 'integer';
  });
}

/** Fixed values are one click (当场办结, 不收费, 未公布); a value of its own kind opens its field. @param {Field} field @param {string} path @param {unknown} value @returns {Rendered} */
function renderChoice(field, path, value) {
  const options = field.widget.options;
  const name = nextId();
  const chosen = chosenOption(options, value);
  const el = h('fieldset', { class: 'choice' }, [h('legend', {}, [field.title, field.required ? h('span', { class: 'required', text: '（必填）' }) : null])]);
  if (field.hint) el.append(h('p', { class: 'hint', text: field.hint }));
  const radios = h('div');
  el.append(radios);
  /** @type {Array<{ input: HTMLInputElement, branch?: Rendered & { box: HTMLElement } }>} */
  const parts = options.map((/** @type {any} */ o, /** @type {number} */ i) => {
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name, value: String(i) }));
    input.checked = i === chosen;
    radios.append(h('label', {}, [input, o.label]));
    if (!o.field) return { input };
    const r = renderField(
      { ...o.field, title: o.field.widget.type === 'integer' ? `${field.title}（天数）` : o.field.title, hint: undefined },
      path,
      i === chosen ? value : undefined,
    );
    const box = h('div', { class: 'branch' }, [r.el]);
    box.hidden = i !== chosen;
    el.append(box);
    return { input, branch: { ...r, box } };
  });
  const sync = () => parts.forEach((p) => p.branch && (p.branch.box.hidden = !p.input.checked));
  for (const p of parts) p.input.addEventListener('change', sync);
  return {
    el,
    get: () => {
      const i = parts.findIndex((p) => p.input.checked);
      if (i < 0) return undefined;
      const o = options[i];
      if (o.value !== undefined) return value === o.value || (o.aliases ?? []).includes(String(value)) ? value : o.value;
      return parts[i]?.branch?.get();
    },
  };
}

/* ---------- the list of units and items ---------- */

const SECTIONS = /** @type {const} */ (['procedures', 'staff', 'posts', 'pledges', 'evaluations']);

function collectionTitle(/** @type {string} */ name) {
  return state.config.collections.find((/** @type {any} */ c) => c.name === name)?.title ?? name;
}

function link(/** @type {any} */ item, /** @type {string | undefined} */ unit) {
  const a = h('a', { href: `#${item.file}`, text: item.title, 'data-file': item.file });
  a.addEventListener('click', (e) => {
    e.preventDefault();
    void openFile(item.file, unit);
  });
  if (item.file === state.file) a.setAttribute('aria-current', 'page');
  return h('li', {}, [a]);
}

function newButton(/** @type {string} */ collection, /** @type {string | undefined} */ unit) {
  return h('button', { type: 'button', text: `新增${collectionTitle(collection)}`, 'data-new': `${collection}:${unit ?? ''}`, onclick: () => showNew(collection, unit) });
}

function drawTree() {
  const t = state.tree;
  const root = h('ul');
  if (t.site) root.append(link({ ...t.site, title: `网站设置（${t.site.title}）` }, undefined));
  for (const u of t.units) {
    const details = h('details', { open: u.id === state.unit ? true : undefined }, [h('summary', { text: u.title })]);
    const inner = h('ul', {}, [link({ ...u, title: '单位信息' }, u.id)]);
    for (const s of SECTIONS) {
      const items = u.items[s] ?? [];
      inner.append(
        h('li', {}, [
          h('h3', { text: collectionTitle(s) }),
          h(
            'ul',
            {},
            items.map((/** @type {any} */ i) => link(i, u.id)),
          ),
          newButton(s, u.id),
        ]),
      );
    }
    details.append(inner);
    root.append(h('li', {}, [details]));
  }
  root.append(
    h('li', {}, [
      h('h3', { text: collectionTitle('notices') }),
      h(
        'ul',
        {},
        t.notices.map((/** @type {any} */ i) => link(i, undefined)),
      ),
      newButton('notices', undefined),
    ]),
  );
  root.append(
    h('li', {}, [
      h('h3', { text: collectionTitle('screens') }),
      h(
        'ul',
        {},
        t.screens.map((/** @type {any} */ i) => link(i, undefined)),
      ),
    ]),
  );
  document.getElementById('tree')?.replaceChildren(root);
}

async function refreshTree() {
  state.tree = (await api('/api/tree')).body;
  drawTree();
}

/* ---------- one file's form ---------- */

function showNew(/** @type {string} */ collection, /** @type {string | undefined} */ unit) {
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const input = /** @type {HTMLInputElement} */ (h('input', { id: 'new-slug', type: 'text', placeholder: 'shenfenzheng-buling', 'aria-describedby': 'new-hint' }));
  const status = h('p', { role: 'alert' });
  const form = h('form', { class: 'new' }, [
    h('div', {}, [h('label', { for: 'new-slug', text: '文件名（拼音或英文，用短横线连接）' }), input]),
    h('button', { type: 'submit', class: 'primary', text: '开始填写' }),
  ]);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const res = await api(`/api/new-path?collection=${collection}&unit=${encodeURIComponent(unit ?? '')}&slug=${encodeURIComponent(input.value.trim())}`);
    if (res.status !== 200) {
      status.textContent = res.body.error;
      return;
    }
    drawForm({ file: res.body.file, collection, unit, data: {}, body: '', problems: [] }, true);
  });
  main.replaceChildren(
    h('h2', { text: `新增${collectionTitle(collection)}` }),
    h('p', { id: 'new-hint', class: 'hint', text: '文件名会成为网址的一部分，印在二维码上，发布后不要再改。例如 shenfenzheng-buling、zhang-xiaoming。' }),
    form,
    status,
  );
  input.focus();
}

async function openFile(/** @type {string} */ file, /** @type {string | undefined} */ unit) {
  const res = await api(`/api/entry?file=${encodeURIComponent(file)}`);
  if (res.status !== 200) {
    document.getElementById('main')?.replaceChildren(h('p', { class: 'problem', role: 'alert', text: res.body.error }));
    return;
  }
  drawForm({ ...res.body, unit: res.body.unit ?? unit }, false);
}

/** @param {{ file: string, collection: string, unit?: string | undefined, data: any, body?: string, problems: any[] }} entry @param {boolean} create */
function drawForm(entry, create) {
  state.file = entry.file;
  state.unit = entry.unit;
  state.create = create;
  state.attachments = [];
  drawTree();
  const form = state.config.collections.find((/** @type {any} */ c) => c.name === entry.collection);
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const root = renderWidget({ key: '', title: form.title, required: true, widget: { type: 'object', fields: form.fields } }, '', entry.data ?? {}, nextId(), '');
  /** @type {HTMLTextAreaElement | null} */
  let body = null;
  const parts = [
    h('h2', { text: `${create ? '新增' : ''}${form.title}${entry.data?.name || entry.data?.title ? `：${entry.data.name ?? entry.data.title}` : ''}` }),
    h('p', { class: 'file', text: entry.file }),
    h('div', { id: 'summary', 'aria-live': 'polite' }),
    root.el,
  ];
  if (form.format === 'markdown') {
    body = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'body', class: 'body', 'aria-describedby': 'body-hint' }));
    body.value = entry.body ?? '';
    parts.push(
      h('div', { class: 'field', 'data-field': 'body' }, [
        h('label', { for: 'body', text: '正文' }),
        h('p', { class: 'hint', id: 'body-hint', text: '文件头以下的说明文字，按 Markdown 写：空一行分段，## 开头是小标题。' }),
        body,
        h('div', { class: 'problems' }),
      ]),
    );
  }
  const status = h('p', { id: 'status', role: 'status' });
  parts.push(h('div', { class: 'actions' }, [h('button', { type: 'button', class: 'primary', id: 'save', text: '检查并保存', onclick: () => void save() }), status]));
  main.replaceChildren(...parts);
  state.collect = () => ({ data: root.get(), ...(body ? { body: body.value } : {}) });
  showProblems(entry.problems ?? [], false);
}

async function save() {
  if (!state.collect || !state.file) return;
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  status.textContent = '正在检查……';
  const { data, body } = state.collect();
  const res = await api('/api/entry', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ file: state.file, data, ...(body !== undefined ? { body } : {}), create: state.create, attachments: state.attachments }),
  });
  if (res.status === 422) {
    status.textContent = '没有保存：有错误要先改正（见各栏目旁边的红字）。';
    showProblems(res.body.problems, true);
    return;
  }
  if (res.status !== 200) {
    status.textContent = `没有保存：${res.body.error}`;
    return;
  }
  state.create = false;
  showProblems(res.body.problems, false);
  status.textContent = res.body.saved ? `已保存 ${res.body.file}${res.body.commit ? `，已提交（${res.body.commit}）` : ''}。` : '没有改动，无需保存。';
  await refreshTree();
}

/** Puts each problem beside its field; a field the form does not show gets it at its nearest shown parent. @param {any[]} problems @param {boolean} focus */
function showProblems(problems, focus) {
  for (const el of document.querySelectorAll('.field.has-error')) el.classList.remove('has-error');
  for (const el of document.querySelectorAll('.problems')) el.replaceChildren();
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  summary.replaceChildren();
  if (problems.length === 0) return;
  const errors = problems.filter((p) => p.severity === 'error');
  summary.className = `summary${errors.length > 0 ? '' : ' warn'}`;
  summary.append(h('p', { text: errors.length > 0 ? `有 ${errors.length} 处错误，改正后才能保存：` : `${problems.length} 处提醒（不影响保存）：` }));
  const list = h('ul');
  summary.append(list);
  /** @type {HTMLElement | null} */
  let first = null;
  for (const p of problems) {
    const text = `${p.fieldTitle ? `${p.fieldTitle}：` : ''}${p.message}${p.fix ? `。修改：${p.fix}` : ''}`;
    list.append(h('li', { text }));
    const target = fieldElement(p.field ?? '');
    if (!target) continue;
    target.classList.toggle('has-error', p.severity === 'error');
    target.querySelector(':scope > .problems')?.append(h('p', { class: `problem${p.severity === 'error' ? '' : ' warning'}`, text }));
    // The first field in error on the page, whatever order the checker found them in.
    const before = first !== null && (target.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    if (p.severity === 'error' && (first === null || before)) first = target;
  }
  if (focus && first) {
    first.scrollIntoView({ block: 'center' });
    /** @type {HTMLElement | null} */ (first.querySelector('input, select, textarea'))?.focus();
  }
}

/** The element of `materials[1].form`, or of `materials[1]`, or of `materials`. */
function fieldElement(/** @type {string} */ path) {
  let p = path;
  while (p !== '') {
    const el = document.querySelector(`[data-field="${CSS.escape(p)}"]`);
    if (el instanceof HTMLElement) return el;
    p = p.replace(/(\[\d+\]|\.[^.[\]]+|^[^.[\]]+)$/, '');
  }
  return null;
}

async function start() {
  const res = await api('/api/config');
  state.config = res.body.config;
  state.defaults = res.body.defaults ?? {};
  const where = document.getElementById('where');
  if (where) where.textContent = `内容文件夹：${res.body.contentDir}${res.body.git ? '（每次保存都会提交到 Git）' : '（不在 Git 仓库里：保存只写文件）'}`;
  const preview = document.getElementById('preview');
  if (preview && res.body.previewUrl) preview.replaceChildren(h('a', { href: res.body.previewUrl, target: '_blank', rel: 'noopener', text: '预览网站（保存后自动更新）' }));
  await refreshTree();
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash) await openFile(hash, hash.split('/')[1]);
  document.body.dataset.ready = 'true';
}

void start();
