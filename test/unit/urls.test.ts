import { describe, expect, it } from 'vitest';
import { absoluteUrl, attachmentPathInUnit, KIOSK_VERSION_FILE, paths, searchIndexPath, withBase } from '#lib/urls.ts';

describe('paths', () => {
  it.each([
    ['home', paths.home(), ''],
    ['notices', paths.notices(), 'notices/'],
    ['notice', paths.notice('chunjie-2027'), 'notices/chunjie-2027/'],
    ['unit', paths.unit('menzhen'), 'units/menzhen/'],
    ['procedures', paths.procedures('menzhen'), 'units/menzhen/procedures/'],
    ['procedure', paths.procedure('menzhen', 'chusheng-zhengming'), 'units/menzhen/procedures/chusheng-zhengming/'],
    ['staff', paths.staff('menzhen'), 'units/menzhen/staff/'],
    ['duties', paths.duties('menzhen'), 'units/menzhen/duties/'],
    ['pledges', paths.pledges('menzhen'), 'units/menzhen/pledges/'],
    ['evaluations', paths.evaluations('menzhen'), 'units/menzhen/evaluations/'],
  ])('builds the %s path', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('ends every page path with a slash, and the home path is the base itself', () => {
    const pages = [
      paths.notices(),
      paths.notice('n'),
      paths.unit('u'),
      paths.procedures('u'),
      paths.procedure('u', 'p'),
      paths.staff('u'),
      paths.duties('u'),
      paths.pledges('u'),
      paths.evaluations('u'),
    ];
    for (const p of pages) expect(p).toMatch(/[^/]\/$/);
    expect(withBase('/gongkai/', paths.home())).toBe('/gongkai/');
  });

  it('does not end an attachment path with a slash', () => {
    expect(paths.attachment('menzhen', 'procedures/forms/a.pdf')).toBe('units/menzhen/files/procedures/forms/a.pdf');
  });

  it('percent-encodes Chinese file names in each segment of an attachment path, keeping the slashes', () => {
    expect(paths.attachment('menzhen', 'procedures/表格/申请表.pdf')).toBe(`units/menzhen/files/procedures/${encodeURIComponent('表格')}/${encodeURIComponent('申请表.pdf')}`);
    expect(paths.attachment('menzhen', '申请表.pdf')).toBe('units/menzhen/files/%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf');
  });

  it('percent-encodes spaces and reserved characters in attachment names', () => {
    expect(paths.attachment('u', 'forms/a b#1?.pdf')).toBe('units/u/files/forms/a%20b%231%3F.pdf');
  });

  it.each([
    ['list of screens', paths.kiosks(), 'kiosk/'],
    ['screen', paths.kiosk('zhengwu-dating'), 'kiosk/zhengwu-dating/'],
    ['version file', paths.kioskVersion('zhengwu-dating'), 'kiosk/zhengwu-dating/version.json'],
    ['service worker', paths.kioskWorker(), 'kiosk/sw.js'],
  ])("builds the hall screens' %s address", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("puts a screen's version file inside its page's folder, and its page and worker inside the worker's scope", () => {
    const page = paths.kiosk('s');
    expect(paths.kioskVersion('s')).toBe(`${page}${KIOSK_VERSION_FILE}`);
    // A service worker controls only the pages below the folder it is served from.
    expect(page.startsWith(paths.kiosks())).toBe(true);
    expect(paths.kioskWorker().startsWith(paths.kiosks())).toBe(true);
  });

  it("places the shared search index in pagefind/ and each group's in a folder below it", () => {
    expect(searchIndexPath()).toBe('pagefind/');
    expect(searchIndexPath('')).toBe('pagefind/');
    expect(searchIndexPath('3')).toBe('pagefind/3/');
    expect(paths.searchIndex('3')).toBe(searchIndexPath('3'));
  });

  it('gives the icon and the sitemap as files at the top of the site', () => {
    expect(withBase('/gongkai/', paths.favicon())).toBe('/gongkai/favicon.svg');
    expect(withBase('/', paths.sitemap())).toBe('/sitemap-index.xml');
  });
});

describe('withBase', () => {
  it.each([
    ['/', 'notices/', '/notices/'],
    ['/', '', '/'],
    ['/gongkai/', 'notices/', '/gongkai/notices/'],
    ['/gongkai/', '', '/gongkai/'],
    ['/gongkai', 'notices/', '/gongkai/notices/'],
    ['/gongkai/', '/notices/', '/gongkai/notices/'],
    ['/gongkai/', '//notices/', '/gongkai/notices/'],
    ['/', '/units/menzhen/', '/units/menzhen/'],
  ])('joins base %j and path %j as %j', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['https://www.qingxi.gov.cn/gongkai/', 'notices/', 'https://www.qingxi.gov.cn/gongkai/notices/'],
    ['https://www.qingxi.gov.cn/gongkai', 'notices/', 'https://www.qingxi.gov.cn/gongkai/notices/'],
    ['https://www.qingxi.gov.cn/gongkai/', '/notices/', 'https://www.qingxi.gov.cn/gongkai/notices/'],
    ['https://www.qingxi.gov.cn/', 'units/menzhen/', 'https://www.qingxi.gov.cn/units/menzhen/'],
    ['https://www.qingxi.gov.cn', 'units/menzhen/', 'https://www.qingxi.gov.cn/units/menzhen/'],
    ['https://www.qingxi.gov.cn/gongkai/', '', 'https://www.qingxi.gov.cn/gongkai/'],
  ])('resolves %s and %j below the site address', (site, path, expected) => {
    expect(absoluteUrl(site, path)).toBe(expected);
  });

  it('keeps an already encoded attachment path as it is', () => {
    const path = paths.attachment('menzhen', 'procedures/申请表.pdf');
    expect(absoluteUrl('https://www.qingxi.gov.cn/gongkai/', path)).toBe(`https://www.qingxi.gov.cn/gongkai/${path}`);
  });
});

describe('attachmentPathInUnit', () => {
  const file = 'units/menzhen/procedures/chusheng-zhengming.md';

  it.each([
    ['./forms/a.pdf', 'procedures/forms/a.pdf'],
    ['./a.pdf', 'procedures/a.pdf'],
    ['../shared/b.pdf', 'shared/b.pdf'],
    ['./../shared/b.pdf', 'shared/b.pdf'],
    ['./forms/./a.pdf', 'procedures/forms/a.pdf'],
    ['./forms//a.pdf', 'procedures/forms/a.pdf'],
    ['./forms/old/../a.pdf', 'procedures/forms/a.pdf'],
    ['./表格/申请表.pdf', 'procedures/表格/申请表.pdf'],
  ])('places %s, written in a procedure file, at %s in the unit folder', (reference, expected) => {
    expect(attachmentPathInUnit(file, reference)).toBe(expected);
  });

  it('places a file referenced from the unit folder itself at the top of the unit folder', () => {
    expect(attachmentPathInUnit('units/menzhen/unit.yaml', './forms/a.pdf')).toBe('forms/a.pdf');
  });

  it('gives no place for a file outside the unit folder rather than moving it inside', () => {
    expect(attachmentPathInUnit(file, './../../../shared/a.pdf')).toBeUndefined();
    expect(attachmentPathInUnit(file, './../../other-unit/a.pdf')).toBeUndefined();
  });
});
