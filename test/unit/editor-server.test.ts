/**
 * The form editor's server: a save is checked with the same checker as
 * `npm run check` before anything is written; errors come back with the
 * field they belong to, and a file that fails is not written. In a Git
 * repository each save is a commit.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type RunningEditor } from '#tools/editor/server.ts';
import { SMALL } from '../helpers/content.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-editor-'));
const content = join(temp, 'content');
let editor: RunningEditor;

const git = (...args: string[]) => execFileSync('git', ['-C', content, ...args], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  cpSync(SMALL, content, { recursive: true });
  git('init', '--quiet');
  git('-c', 'user.name=管理员', '-c', 'user.email=admin@example.invalid', 'add', '.');
  git('-c', 'user.name=管理员', '-c', 'user.email=admin@example.invalid', 'commit', '--quiet', '-m', '初始内容');
  editor = await startEditor({ contentDir: content, port: 0, now: '2026-11-22', author: { name: '张晓明', email: 'zhang@example.invalid' } });
});
afterAll(async () => {
  await editor?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** What the API answers, loosely: each test reads the part it asks for. */
interface Answer {
  error?: string;
  saved?: boolean;
  file: string;
  data: Record<string, unknown>;
  problems: Array<{ field: string; severity: string; message: string; fix?: string }>;
  units: Array<{ id: string; items: Record<string, Array<{ file: string; title: string }>> }>;
}

async function get(path: string) {
  const res = await fetch(new URL(path, editor.url));
  return { status: res.status, body: (await res.json()) as Answer };
}
async function save(file: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await fetch(new URL('/api/entry', editor.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ file, data, ...extra }) });
  return { status: res.status, body: (await res.json()) as Answer };
}
const STAFF = 'units/chuangkou/staff/li-hua.yaml';
const PROCEDURE = 'units/chuangkou/procedures/ceshi-shixiang.md';

describe('the editor’s server', () => {
  it('lists units with their procedures, staff, posts and pledges', async () => {
    const { body } = await get('/api/tree');
    const unit = body.units.find((u) => u.id === 'chuangkou');
    expect(unit?.items.procedures?.map((i) => i.file)).toEqual([PROCEDURE]);
    expect(unit?.items.staff?.[0]?.title).toBe('李华');
    expect(unit?.items.posts).toHaveLength(1);
    expect(unit?.items.pledges).toHaveLength(1);
  });

  it('refuses an identity number typed into a name, at the name field, and writes nothing', async () => {
    const before = readFileSync(join(content, STAFF), 'utf8');
    const { body: entry } = await get(`/api/entry?file=${STAFF}`);
    const { status, body } = await save(STAFF, { ...entry.data, name: '李华 33010619900101123X' });
    expect(status).toBe(422);
    const problem = body.problems.find((p) => p.field === 'name');
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain('身份证号');
    expect(problem?.message).not.toContain('33010619900101123X');
    expect(problem?.fix).toBeTruthy();
    expect(readFileSync(join(content, STAFF), 'utf8')).toBe(before);
  });

  it('refuses a private mobile number typed into an introduction', async () => {
    const { body: entry } = await get(`/api/entry?file=${STAFF}`);
    const { status, body } = await save(STAFF, { ...entry.data, intro: '有事请打 13812345678' });
    expect(status).toBe(422);
    expect(body.problems.find((p) => p.field === 'intro')?.message).toMatch(/手机/);
  });

  it('refuses a fee written 无 and a promised limit longer than the statutory one, each at its field', async () => {
    const before = readFileSync(join(content, PROCEDURE), 'utf8');
    const { body: entry } = await get(`/api/entry?file=${PROCEDURE}`);
    const { status, body } = await save(PROCEDURE, { ...entry.data, fee: '无', timeLimit: { statutory: 20, promised: 30 } });
    expect(status).toBe(422);
    const fields = body.problems.filter((p) => p.severity === 'error').map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['fee', 'timeLimit.promised']));
    expect(readFileSync(join(content, PROCEDURE), 'utf8')).toBe(before);
  });

  it('saves a valid change as a commit by the configured author, keeping the Markdown body', async () => {
    const before = readFileSync(join(content, PROCEDURE), 'utf8');
    const { body: entry } = await get(`/api/entry?file=${PROCEDURE}`);
    const { status, body } = await save(PROCEDURE, { ...entry.data, visits: 0 });
    expect(status).toBe(200);
    expect(body.saved).toBe(true);
    const after = readFileSync(join(content, PROCEDURE), 'utf8');
    expect(after).toBe(before.replace('visits: 1', 'visits: 0'));
    expect(git('log', '-1', '--format=%an <%ae>|%s')).toBe(`张晓明 <zhang@example.invalid>|修改办事指南：测试证明办理（${PROCEDURE}）`);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('creates a new file only where none exists', async () => {
    const { body } = await get('/api/new-path?collection=posts&unit=chuangkou&slug=shouli');
    expect(body.error).toContain('已经存在');
    const bad = await get('/api/new-path?collection=posts&unit=chuangkou&slug=Shou_Li');
    expect(bad.status).toBe(400);
    const { body: ok } = await get('/api/new-path?collection=posts&unit=chuangkou&slug=daoban');
    expect(ok.file).toBe('units/chuangkou/posts/daoban.yaml');
    expect(existsSync(join(content, ok.file))).toBe(false);
  });

  it('refuses paths outside the content folder', async () => {
    expect((await get('/api/entry?file=../package.json')).status).toBe(400);
    expect((await get('/api/entry?file=units/chuangkou/../../x.yaml')).status).toBe(400);
  });
});
