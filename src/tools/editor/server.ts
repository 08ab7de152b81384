/**
 * The form editor's server (`npm run edit`): a `node:http` server on
 * 127.0.0.1 that serves the editor's page (./app/) and a small JSON API over
 * one content folder. Nothing is loaded from the internet; the page is three
 * files of our own.
 *
 *   GET  /api/config          the forms (generated from src/schemas), the organisation's default hours
 *   GET  /api/tree            units and their procedures, staff, posts, pledges…
 *   GET  /api/entry?file=…    one file's values, as the form reads them
 *   POST /api/entry           { file, data, body?, create? }: checked, then written (and committed)
 *   POST /api/upload?file=…   a photo's bytes, written beside the entry that names it
 *
 * A save is checked first with the same checker as `npm run check`
 * (./check-change.ts); a file with errors is not written, and the errors go
 * back to the form with the field each belongs to.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors } from '#lib/content/check.ts';
import { walkFiles } from '#lib/content/files.ts';
import type { Problem } from '#lib/content/problem.ts';
import { COLLECTIONS, placeFile, type CollectionLayout, type CollectionName } from '#schemas/collections.ts';
import { SLUG_PATTERN } from '#schemas/common.ts';
import { IMAGE_EXTENSIONS } from '#schemas/context.ts';
import { ChangeChecker } from './check-change.ts';
import { generateFormConfig, type FormConfig } from './form-config.ts';
import { commitFiles, findRepo, type GitRepo } from './git.ts';
import { editYaml, joinMarkdown, readYaml, splitMarkdown } from './yaml-edit.ts';

const APP_DIR = fileURLToPath(new URL('./app/', import.meta.url));
const APP_FILES: Record<string, string> = {
  '/': 'index.html',
  '/editor.js': 'editor.js',
  '/editor.css': 'editor.css',
};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** A photo larger than this is refused: a phone's photo is 3–8 MB. */
const MAX_UPLOAD = 25 * 1024 * 1024;
const MAX_JSON = 2 * 1024 * 1024;

export interface EditorOptions {
  contentDir: string;
  port: number;
  host?: string;
  /** The commit author, `{ name, email }`; Git's own setting when absent. */
  author?: { name: string; email: string };
  /** Address of a live preview of the site, shown as a link. */
  previewUrl?: string;
  /** The clock for the freshness rules (tests). */
  now?: string;
}

export interface RunningEditor {
  url: string;
  server: Server;
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `文件太大：不能超过 ${Math.round(limit / 1024 / 1024)} MB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The entry's path relative to the content folder, refused unless it is a content entry inside it. */
function entryPath(contentDir: string, file: unknown): { rel: string; abs: string; collection: CollectionName; unit?: string } {
  if (typeof file !== 'string' || file === '' || file.includes('\\') || file.split('/').some((p) => p === '..' || p === '.' || p === '')) {
    throw new HttpError(400, `不是内容文件的路径：${String(file)}`);
  }
  const placement = placeFile(file);
  if (!placement) throw new HttpError(400, `不是内容文件的路径：${file}`);
  const abs = resolve(contentDir, file);
  if (!abs.startsWith(resolve(contentDir) + sep)) throw new HttpError(400, `路径在内容文件夹之外：${file}`);
  return { rel: file, abs, collection: placement.collection, ...(placement.unit !== undefined ? { unit: placement.unit } : {}) };
}

/** What the list shows for an entry: its name or title, else its file name. */
function titleOf(data: unknown, fallback: string): string {
  if (typeof data === 'object' && data !== null) {
    const d = data as Record<string, unknown>;
    for (const key of ['name', 'title', 'period']) if (typeof d[key] === 'string' || typeof d[key] === 'number') return String(d[key]);
  }
  return fallback;
}

function readEntry(abs: string, layout: CollectionLayout): { data: unknown; body?: string; text: string } {
  const text = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
  if (layout.format === 'markdown') {
    const parts = splitMarkdown(text);
    if (!parts) return { data: {}, body: text, text };
    return { data: readYaml(parts.frontMatter), body: parts.body.replace(/^\r?\n/, ''), text };
  }
  return { data: readYaml(text), text };
}

export interface TreeItem {
  file: string;
  slug: string;
  title: string;
}
export interface TreeUnit {
  id: string;
  file: string;
  title: string;
  items: Partial<Record<CollectionName, TreeItem[]>>;
}

/** Units and their items, and the organisation's own files. */
export function contentTree(contentDir: string): { site?: TreeItem; units: TreeUnit[]; notices: TreeItem[]; screens: TreeItem[] } {
  const units = new Map<string, TreeUnit>();
  const notices: TreeItem[] = [];
  const screens: TreeItem[] = [];
  let site: TreeItem | undefined;
  const unitOf = (id: string) => {
    let unit = units.get(id);
    if (!unit) units.set(id, (unit = { id, file: `units/${id}/unit.yaml`, title: id, items: {} }));
    return unit;
  };
  for (const file of walkFiles(contentDir).files) {
    const placement = placeFile(file);
    if (!placement) continue;
    let data: unknown = {};
    try {
      data = readEntry(join(contentDir, file), COLLECTIONS[placement.collection]).data;
    } catch {
      // A file that does not parse is still listed, by its file name; opening it shows the checker's message.
    }
    const item = { file, slug: placement.slug, title: titleOf(data, placement.slug) };
    if (placement.collection === 'site') site = item;
    else if (placement.collection === 'units') Object.assign(unitOf(placement.id), { file, title: item.title });
    else if (placement.collection === 'notices') notices.push(item);
    else if (placement.collection === 'screens') screens.push(item);
    else if (placement.unit !== undefined) ((unitOf(placement.unit).items[placement.collection] ??= []) as TreeItem[]).push(item);
  }
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'zh-CN');
  for (const unit of units.values()) for (const list of Object.values(unit.items)) list?.sort(byTitle);
  return { ...(site ? { site } : {}), units: [...units.values()].sort(byTitle), notices: notices.sort(byTitle), screens: screens.sort(byTitle) };
}

/** Where a new entry of `collection` named `slug` goes (in `unit` for a unit's items). */
export function newEntryPath(collection: CollectionName, unit: string | undefined, slug: string): string {
  const layout: CollectionLayout = COLLECTIONS[collection];
  const dir = layout.dir.replace('*', unit ?? '');
  const name = layout.name ?? slug;
  const folder = collection === 'units' ? `units/${slug}` : dir;
  return posix.join(folder, `${name}.${layout.extensions[0]}`);
}

export async function startEditor(options: EditorOptions): Promise<RunningEditor> {
  const contentDir = resolve(options.contentDir);
  const config: FormConfig = generateFormConfig();
  const checker = new ChangeChecker(contentDir, options.now);
  const repo: GitRepo | undefined = findRepo(contentDir);
  const formOf = (collection: CollectionName) => {
    const form = config.collections.find((c) => c.name === collection);
    if (!form) throw new HttpError(400, `没有这种内容：${collection}`);
    return form;
  };

  const siteDefaults = () => {
    const site = contentTree(contentDir).site;
    if (!site) return {};
    const data = readEntry(join(contentDir, site.file), COLLECTIONS.site).data as Record<string, unknown>;
    return { hours: data.hours, phone: data.phone, name: data.name };
  };

  const save = (body: Record<string, unknown>) => {
    const { rel, abs, collection } = entryPath(contentDir, body.file);
    const form = formOf(collection);
    const create = body.create === true;
    if (create && existsSync(abs)) throw new HttpError(409, `${rel} 已经存在，换一个文件名`);
    if (!create && !existsSync(abs)) throw new HttpError(404, `找不到 ${rel}`);
    if (typeof body.data !== 'object' || body.data === null || Array.isArray(body.data)) throw new HttpError(400, '表单内容不对');
    const data = body.data as Record<string, unknown>;
    const old = create ? '' : readFileSync(abs, 'utf8');
    let text: string;
    if (form.format === 'markdown') {
      const parts = splitMarkdown(old) ?? { frontMatter: '', body: old };
      const front = editYaml(parts.frontMatter, data, form.fields);
      const oldBody = parts.body.replace(/^\r?\n/, '');
      const newBody = typeof body.body === 'string' ? body.body : oldBody;
      // An unchanged body keeps its bytes, blank line and all.
      text = newBody === oldBody && !create ? `---\n${front}---\n${parts.body}` : joinMarkdown(front, newBody);
    } else {
      text = editYaml(old, data, form.fields);
    }
    const problems: Problem[] = checker.check(rel, text);
    if (hasErrors(problems)) return { status: 422, body: { saved: false, file: rel, problems } };
    if (text === old) return { status: 200, body: { saved: false, unchanged: true, file: rel, problems } };
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    checker.written(rel);
    const extra = Array.isArray(body.attachments) ? body.attachments.filter((a): a is string => typeof a === 'string') : [];
    const paths = [abs, ...extra.map((a) => resolve(dirname(abs), a)).filter((p) => p.startsWith(contentDir + sep) && existsSync(p))];
    let commit: string | undefined;
    if (repo) {
      const title = titleOf(data, rel);
      commit = commitFiles(repo, paths, `${create ? '新增' : '修改'}${form.title}：${title}（${rel}）`, options.author);
    }
    return { status: 200, body: { saved: true, file: rel, problems, ...(commit ? { commit } : {}) } };
  };

  const upload = async (req: IncomingMessage, url: URL) => {
    const { abs } = entryPath(contentDir, url.searchParams.get('file'));
    const name = url.searchParams.get('name') ?? '';
    const ext = extname(name).slice(1).toLowerCase();
    const stem = name.slice(0, name.length - ext.length - 1);
    if (!SLUG_PATTERN.test(stem) || !(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
      throw new HttpError(400, `照片文件名“${name}”不对：用拼音或英文小写字母、数字和短横线，扩展名为 ${IMAGE_EXTENSIONS.join('、')}`);
    }
    const bytes = await readBody(req, MAX_UPLOAD);
    if (bytes.length === 0) throw new HttpError(400, '照片是空的');
    const target = join(dirname(abs), `${stem}.${ext}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    return { path: `./${stem}.${ext}` };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://editor.invalid');
    const app = APP_FILES[url.pathname];
    if (req.method === 'GET' && app) {
      const file = join(APP_DIR, app);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(file));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/config') {
      return send(res, 200, { config, defaults: siteDefaults(), git: repo !== undefined, contentDir, ...(options.previewUrl ? { previewUrl: options.previewUrl } : {}) });
    }
    if (req.method === 'GET' && url.pathname === '/api/tree') return send(res, 200, contentTree(contentDir));
    if (req.method === 'GET' && url.pathname === '/api/entry') {
      const { rel, abs, collection, unit } = entryPath(contentDir, url.searchParams.get('file'));
      if (!existsSync(abs)) throw new HttpError(404, `找不到 ${rel}`);
      const entry = readEntry(abs, COLLECTIONS[collection]);
      const problems = checker.check(rel, entry.text);
      return send(res, 200, { file: rel, collection, unit, data: entry.data, ...(entry.body !== undefined ? { body: entry.body } : {}), problems });
    }
    if (req.method === 'GET' && url.pathname === '/api/new-path') {
      const collection = url.searchParams.get('collection') as CollectionName;
      const slug = url.searchParams.get('slug') ?? '';
      if (!(collection in COLLECTIONS)) throw new HttpError(400, `没有这种内容：${collection}`);
      if (!SLUG_PATTERN.test(slug)) throw new HttpError(400, `文件名“${slug}”会成为网址的一部分，只能用小写英文字母、数字和短横线，例如 shenfenzheng-buling`);
      const file = newEntryPath(collection, url.searchParams.get('unit') ?? undefined, slug);
      const { abs } = entryPath(contentDir, file);
      if (existsSync(abs)) throw new HttpError(409, `${file} 已经存在，换一个文件名`);
      return send(res, 200, { file });
    }
    if (req.method === 'POST' && url.pathname === '/api/entry') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse((await readBody(req, MAX_JSON)).toString('utf8')) as Record<string, unknown>;
      } catch (error) {
        if (error instanceof HttpError) throw error;
        throw new HttpError(400, '表单内容不是有效的 JSON');
      }
      const result = save(body);
      return send(res, result.status, result.body);
    }
    if (req.method === 'POST' && url.pathname === '/api/upload') return send(res, 200, await upload(req, url));
    send(res, 404, { error: `没有这个地址：${url.pathname}` });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return send(res, error.status, { error: error.message });
      // A fault of the editor: said in a line, the details in the terminal.
      console.error(`✗ 编辑器内部错误：${error instanceof Error ? error.message : String(error)}`);
      send(res, 500, { error: '编辑器内部错误，详情见运行 npm run edit 的终端窗口' });
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
