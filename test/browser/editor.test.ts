/**
 * A publicity officer's journey through the form editor (`npm run edit`), in
 * real Chromium: add a service guide to a unit through the forms, add a
 * member of staff with a photo, change a pledge's status; mistakes typed into
 * the form are shown at their field and nothing is written; hand-written
 * comments survive; the files written pass the checker and the site built
 * from them shows the new guide on its page and in its search index.
 *
 * Works on a copy of the small fixture in a Git repository of its own, so
 * that every save is a commit.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { startEditor, type RunningEditor } from '#tools/editor/server.ts';
import { launch } from '../helpers/browser.ts';
import { SMALL } from '../helpers/content.ts';
import { htmlFiles, page as builtPage, text } from '../helpers/html.ts';
import { readFragment } from '../helpers/pagefind.ts';
import { buildInto } from '../helpers/run.ts';

const NOW = '2026-11-22';
const temp = mkdtempSync(join(tmpdir(), 'siliang-editor-journey-'));
const content = join(temp, 'content');
const UNIT = 'units/chuangkou';
const PLEDGE = `${UNIT}/pledges/2026.yaml`;
const NEW_PROCEDURE = `${UNIT}/procedures/juzhu-zhengming.md`;
const NEW_STAFF = `${UNIT}/staff/wang-fang.yaml`;
/** Comments an officer wrote by hand into the pledge file before the editor was used. */
const HAND_COMMENTS = ['# 2026 年度承诺，经中心主任办公会审定', '    # 预约取号由信息科负责'];

let editor: RunningEditor;
let browser: Browser;
let tab: Page;

const git = (...args: string[]) => execFileSync('git', ['-C', content, ...args], { encoding: 'utf8' }).trim();
const read = (rel: string) => readFileSync(join(content, rel), 'utf8');

beforeAll(async () => {
  cpSync(SMALL, content, { recursive: true });
  const pledge = read(PLEDGE)
    .replace(/^title:/m, `${HAND_COMMENTS[0]}\ntitle:`)
    .replace('    status: 进行中', `${HAND_COMMENTS[1]}\n    status: 进行中`);
  writeFileSync(join(content, PLEDGE), pledge);
  git('init', '--quiet');
  git('add', '.');
  git('-c', 'user.name=管理员', '-c', 'user.email=admin@example.invalid', 'commit', '--quiet', '-m', '初始内容');
  editor = await startEditor({ contentDir: content, port: 0, now: NOW, author: { name: '张晓明', email: 'zhang@example.invalid' } });
  browser = await launch();
  tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(editor.url);
  await tab.waitForSelector('body[data-ready]');
});
afterAll(async () => {
  await browser?.close();
  await editor?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** The form control of the field at `path` (`materials[0].name`). */
const control = (path: string, tag = 'input') => tab.locator(`[data-field="${path}"] > ${tag}`).first();
const addItem = (path: string) => tab.locator(`[data-field="${path}"] > fieldset > button`, { hasText: '添加一条' }).first().click();
const choose = (path: string, label: string) => tab.locator(`[data-field="${path}"] > fieldset > div > label`, { hasText: label }).locator('input').check();
const problemsAt = (path: string) => tab.locator(`[data-field="${path}"] > .problems .problem`).allTextContents();

async function saveForm(): Promise<string> {
  await tab.locator('#save').click();
  await tab.waitForFunction(() => {
    const s = document.getElementById('status')?.textContent ?? '';
    return s !== '' && s !== '正在检查……';
  });
  return (await tab.locator('#status').textContent()) ?? '';
}

/** Opens the unit's entry in the list, as an officer clicks its name, unless it is open. */
async function openUnit() {
  const unit = tab.locator('nav details:has(button[data-new="staff:chuangkou"])');
  if (!(await unit.evaluate((d) => (d as HTMLDetailsElement).open))) await unit.locator('summary').click();
}

async function openNew(collection: string, slug: string) {
  await openUnit();
  await tab.locator(`button[data-new="${collection}:chuangkou"]`).click();
  await tab.locator('#new-slug').fill(slug);
  await tab.getByRole('button', { name: '开始填写' }).click();
  await tab.locator('#save').waitFor();
}

async function openFile(file: string) {
  await openUnit();
  await tab.locator(`a[data-file="${file}"]`).click();
  await tab.locator('.file', { hasText: file }).waitFor();
}

describe('an officer’s journey through the form editor', () => {
  it('adds a service guide through the forms: materials, steps, time limit, 不收费, the default hours', async () => {
    await openNew('procedures', 'juzhu-zhengming');
    await control('code').fill('330000-000-GG-0002');
    await control('name').fill('居住证明开具');
    await control('summary', 'textarea').fill('为本县居民开具居住情况证明，用于入学、就业等事项。');
    await addItem('eligibility');
    await control('eligibility[0]').fill('在本县居住满半年的居民');
    await addItem('materials');
    await control('materials[0].name').fill('居民身份证');
    await control('materials[0].form', 'select').selectOption('原件');
    await addItem('steps');
    await control('steps[0].name').fill('窗口受理');
    await addItem('steps');
    await control('steps[1].name').fill('当场出具证明');
    await choose('timeLimit.statutory', '天数');
    await tab.locator('[data-field="timeLimit.statutory"] .branch input[type="number"]').fill('5');
    await choose('timeLimit.promised', '当场办结');
    await control('visits').fill('1');
    await choose('fee', '不收费');
    await tab.locator('[data-field="hours"] button', { hasText: '使用本机构默认办公时间' }).click();
    await addItem('legalBasis');
    await control('legalBasis[0]').fill('《测试条例》第五条');
    await tab.locator('#body').fill('## 温馨提示\n\n证明当场出具，请核对后签收。');

    expect(await saveForm()).toContain('已保存');
    const written = read(NEW_PROCEDURE);
    expect(written).toMatch(/^---\ncode: "330000-000-GG-0002"\nname: 居住证明开具\n/);
    expect(written).toContain('  promised: 当场办结');
    expect(written).toContain('fee: 不收费');
    expect(written).toContain('\n---\n\n## 温馨提示');
    // The organisation's hours, copied in one click from site.yaml.
    const siteHours = /hours:\n(?: {2}.*\n)+/.exec(read('site.yaml'))?.[0];
    expect(siteHours).toBeDefined();
    expect(written).toContain(siteHours);
    expect(git('log', '-1', '--format=%an|%s')).toBe(`张晓明|新增办事指南：居住证明开具（${NEW_PROCEDURE}）`);
  });

  it('adds a member of staff with a photo uploaded into the unit’s folder and a post chosen from the unit’s posts', async () => {
    await openNew('staff', 'wang-fang');
    await control('name').fill('王芳');
    await tab.locator('[data-field="photo"] input[type="file"]').setInputFiles(join(SMALL, UNIT, 'staff/li-hua.jpg'));
    await tab.locator('[data-field="photo"] .hint', { hasText: '已上传' }).waitFor();
    const post = control('post', 'select');
    expect(await post.locator('option').allTextContents()).toContain('综合受理岗（shouli）');
    await post.selectOption('shouli');
    await control('window').fill('2');
    expect(await saveForm()).toContain('已保存');
    expect(read(NEW_STAFF)).toBe('name: 王芳\nphoto: ./wang-fang.jpg\npost: shouli\nwindow: "2"\n');
    expect(existsSync(join(content, UNIT, 'staff/wang-fang.jpg'))).toBe(true);
    // The photo is in the same commit as the file that names it.
    expect(git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([`${UNIT}/staff/wang-fang.jpg`, NEW_STAFF]);
  });

  it('changes a pledge’s status, asks at the field for what 已兑现 needs, and keeps the hand-written comments', async () => {
    await openFile(PLEDGE);
    await control('items[1].status', 'select').selectOption('已兑现');
    expect(await saveForm()).toContain('没有保存');
    expect((await problemsAt('items[1].evidence')).join()).toContain('佐证');
    expect((await problemsAt('items[1].date')).join()).toContain('确认日期');
    await control('items[1].evidence', 'textarea').fill('11 月起全面开通预约取号');
    await control('items[1].date').fill('2026-11-20');
    expect(await saveForm()).toContain('已保存');
    const written = read(PLEDGE);
    for (const comment of HAND_COMMENTS) expect(written).toContain(comment);
    expect(written).toContain(`${HAND_COMMENTS[1]}\n    status: 已兑现\n    evidence: 11 月起全面开通预约取号\n    date: 2026-11-20\n`);
  });

  it('shows an identity number in a name and a promised limit longer than the statutory one at their fields, and writes nothing', async () => {
    const before = read(NEW_PROCEDURE);
    const commits = git('rev-list', '--count', 'HEAD');
    await openFile(NEW_PROCEDURE);
    await control('name').fill('居住证明开具 33010619900101123X');
    await choose('timeLimit.promised', '天数');
    await tab.locator('[data-field="timeLimit.promised"] .branch input[type="number"]').fill('30');
    expect(await saveForm()).toContain('没有保存');
    expect((await problemsAt('name')).join()).toContain('身份证号');
    expect((await problemsAt('timeLimit.promised')).join()).toContain('不能长于法定办结时限');
    // Focus goes to the first field in error, so that a keyboard user lands on it.
    expect(await tab.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('name');
    expect(read(NEW_PROCEDURE)).toBe(before);
    expect(git('rev-list', '--count', 'HEAD')).toBe(commits);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('writes 未公布 when chosen beside a field, shows it chosen on reopening, and puts the fact back when it is known', async () => {
    const notStated = (path: string, label: string) => tab.locator(`[data-field="${path}"] > .not-stated label`, { hasText: label }).locator('input');
    await openFile(NEW_PROCEDURE);
    await notStated('visits', '未公布').check();
    expect(await control('visits').isHidden()).toBe(true);
    expect(await saveForm()).toContain('已保存');
    expect(read(NEW_PROCEDURE)).toMatch(/\nvisits: 未公布\n/);

    await openFile(NEW_PROCEDURE);
    expect(await notStated('visits', '未公布').isChecked()).toBe(true);
    await notStated('visits', '按原文填写').check();
    await control('visits').fill('1');
    expect(await saveForm()).toContain('已保存');
    expect(read(NEW_PROCEDURE)).toMatch(/\nvisits: 1\n/);
  });

  it('leaves files that pass the checker, and a site that shows the new guide on its page and in search', async () => {
    const check = checkContent(content, { now: NOW });
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const out = join(temp, 'site');
    await buildInto(content, out, { now: NOW, print: 'none' });
    const pagePath = htmlFiles(out).find((f) => f.includes('juzhu-zhengming'));
    expect(pagePath).toBeDefined();
    const doc = builtPage(out, pagePath as string);
    expect(text(doc.querySelector('h1'))).toContain('居住证明开具');
    expect(text(doc.querySelector('main'))).toContain('当场办结');
    const fragments = join(out, 'pagefind', 'fragment');
    const indexed = readdirSync(fragments).map((f) => readFragment(join(fragments, f)));
    const fragment = indexed.find((f) => f.url.includes('juzhu-zhengming'));
    // Pagefind splits Chinese into words with spaces between them.
    expect(`${fragment?.meta.title ?? ''} ${fragment?.content ?? ''}`.replace(/\s+/g, '')).toContain('居住证明开具');
    expect(text(builtPage(out, `${UNIT}/staff/`).querySelector('main'))).toContain('王芳');
  });
});
