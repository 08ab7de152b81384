/**
 * A name and a post far too long for a badge or a desk card: their type
 * shrinks only to a legible minimum, and the lines still too long are not
 * cut silently. The print check marks them and their sheets, and the
 * exporter reports both the pages and the texts, while everything that
 * does fit is left unmarked.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPE_SCALE } from '#lib/print/type-scale.ts';
import { exportPosters, type ExportResult } from '#node/posters.ts';
import { page } from '../helpers/html.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-fit-lines-'));
const NAME = '阿卜杜热合曼·买买提依明·艾合买提江·库尔班';
const POST = '不动产登记、户籍办理、社会保障、医疗保险、公积金和税务综合受理与咨询服务岗';
const BADGES = 'print/units/chuangkou/badges/';
const DESK_CARDS = 'print/units/chuangkou/desk-cards/';
let result: ExportResult;

beforeAll(async () => {
  const content = join(temp, 'content');
  cpSync(join(ROOT, 'test/fixtures/small'), content, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const path = join(content, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  };
  edit('units/chuangkou/staff/li-hua.yaml', 'name: 李华', `name: ${NAME}`);
  edit('units/chuangkou/posts/shouli.yaml', 'name: 综合受理岗', `name: ${POST}`);
  await buildInto(content, join(temp, 'site'));
  result = await exportPosters({ siteDir: join(temp, 'site'), base: '/', outDir: join(temp, 'posters'), formats: ['badges', 'desk-cards'] });
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a name and a post too long for a badge and a desk card', () => {
  it('are sized no smaller than the legible minimum', () => {
    const size = (path: string, selector: string) => Number(/font-size:([\d.]+)pt/.exec(page(join(temp, 'site'), path).querySelector(selector)?.getAttribute('style') ?? '')?.[1]);
    expect(size(BADGES, '.staff-badge .name')).toBe(TYPE_SCALE.badges.a4.heading);
    expect(size(BADGES, '.staff-badge .post')).toBe(TYPE_SCALE.badges.a4.body);
    expect(size(DESK_CARDS, '.desk-face .name')).toBe(TYPE_SCALE['desk-cards'].a4.heading);
  });

  it('make the export report both sheets instead of printing them cut without a word', () => {
    expect(result.overflowing.sort()).toEqual([BADGES, DESK_CARDS]);
  });

  it('name the texts that were cut, and only those', () => {
    const on = (path: string) => result.cut.filter((c) => c.page === path).map((c) => c.text);
    const badge = on(BADGES);
    expect(badge.some((t) => t.startsWith(NAME))).toBe(true);
    expect(badge).toContain(POST);
    // The unit, the version line and the address fit, and are not reported.
    expect(badge.every((t) => t.startsWith(NAME) || t === POST)).toBe(true);
    const desk = on(DESK_CARDS);
    // Both faces of the tent card.
    expect(desk.filter((t) => t === NAME)).toHaveLength(2);
    expect(desk.filter((t) => t.startsWith(POST))).toHaveLength(2);
    expect(desk.every((t) => t === NAME || t.startsWith(POST))).toBe(true);
  });
});
