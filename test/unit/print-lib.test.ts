import { describe, expect, it } from 'vitest';
import { versionNotes, type PrintedItem } from '#lib/print/catalogue.ts';
import { mmToPoints } from '#lib/print/formats.ts';
import { canonicalJson, changedFields, versionCode } from '#lib/print/version.ts';
import { selectPages, type Manifest } from '#node/posters.ts';
import { chromiumPath } from '#node/chromium.ts';

describe('version codes', () => {
  it('are six characters of Crockford base 32, the same for the same data', () => {
    const code = versionCode({ name: '居民身份证补领', fee: ['40 元'] });
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(versionCode({ fee: ['40 元'], name: '居民身份证补领' })).toBe(code);
  });

  it('change when anything printed changes', () => {
    expect(versionCode({ fee: ['40 元'] })).not.toBe(versionCode({ fee: ['20 元'] }));
    expect(versionCode({ a: [1, 2] })).not.toBe(versionCode({ a: [2, 1] }));
  });

  it('serialise objects with sorted keys and leave out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [true, null] } })).toBe('{"a":{"c":[true,null]},"b":1}');
  });

  it('name the fields that differ, by their labels', () => {
    expect(changedFields({ fee: 1, name: 'a', time: 3 }, { fee: 2, name: 'a', time: 4 }, { name: '名称', fee: '收费标准', time: '时限' })).toEqual(['收费标准', '时限']);
  });
});

describe('version notes', () => {
  const sheet = (code: string, fee: string): PrintedItem => ({ key: 'procedure:u/p', format: 'procedure', page: 'p/', printed: { fee }, labels: { fee: '收费标准' }, code });

  it('mark the current code current and each older one outdated since the day it was replaced', () => {
    const notes = versionNotes(
      sheet('CCCCCC', '30'),
      [
        { date: '2026-11-20', sheets: [sheet('BBBBBB', '20')] },
        { date: '2026-10-01', sheets: [sheet('BBBBBB', '20')] },
        { date: '2026-03-01', sheets: [sheet('AAAAAA', '10')] },
      ],
      '2026-11-22',
    );
    expect(notes).toEqual([
      { code: 'CCCCCC', current: true },
      { code: 'BBBBBB', current: false, outdatedSince: '2026-11-22', changed: ['收费标准'] },
      { code: 'AAAAAA', current: false, outdatedSince: '2026-10-01', changed: ['收费标准'] },
    ]);
  });

  it('say nothing about the past when the committed content is what is built', () => {
    expect(versionNotes(sheet('CCCCCC', '30'), [{ date: '2026-11-20', sheets: [sheet('CCCCCC', '30')] }], '2026-11-22')).toEqual([{ code: 'CCCCCC', current: true }]);
  });
});

describe('print formats', () => {
  it('convert millimetres to points', () => {
    expect(mmToPoints(210)).toBeCloseTo(595.28, 1);
    expect(mmToPoints(297)).toBeCloseTo(841.89, 1);
  });
});

describe('the poster exporter', () => {
  const manifest = {
    base: '/',
    organisation: '机构',
    today: '2026-11-22',
    units: { a: 'A', b: 'B' },
    pages: [
      { unit: 'a', format: 'board', size: 'a3', path: 'x', title: 'A', file: 'board-a3.pdf' },
      { unit: 'a', format: 'board', size: 'a4', path: 'y', title: 'A', file: 'board-a4.pdf' },
      { unit: 'b', format: 'procedure', size: 'a4', path: 'z', title: 'P', file: 'p-a4.pdf' },
      { format: 'supervision', size: 'a4', path: 's', title: 'S', file: 's-a4.pdf' },
    ],
  } as unknown as Manifest;

  it('selects pages by unit, format and size', () => {
    expect(selectPages(manifest, {}).length).toBe(4);
    expect(selectPages(manifest, { units: ['a'] }).map((p) => p.path)).toEqual(['x', 'y']);
    expect(selectPages(manifest, { units: ['site'] }).map((p) => p.path)).toEqual(['s']);
    expect(selectPages(manifest, { formats: ['board'], sizes: ['a3'] }).map((p) => p.path)).toEqual(['x']);
  });

  it('says how to get Chromium when there is none', () => {
    expect(() => chromiumPath({}, () => false)).toThrow(/apt-get install chromium.*CHROME_PATH/);
    expect(() => chromiumPath({ CHROME_PATH: '/nowhere/chrome' }, () => false)).toThrow(/CHROME_PATH 指向的 \/nowhere\/chrome 不存在/);
    expect(chromiumPath({ CHROME_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome')).toBe('/opt/chrome');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { radicalsOfFont, sharedGlyphFixes } from '#tools/pdf/radicals.ts';
import { rewriteToUnicode } from '#tools/pdf/to-unicode.ts';

describe('PDF text layer correction', () => {
  const radicals = new Map([
    [0x2ea0, 0x6c11], // ⺠ → 民
    [0x2f9d, 0x8eab], // ⾝ → 身
  ]);

  it('sends single glyphs mapped to radicals to their ideographs', () => {
    const cmap = '2 beginbfchar\n<03> <2EA0>\n<9D> <4EFD>\nendbfchar\nendcmap';
    expect(rewriteToUnicode(cmap, radicals)).toBe('2 beginbfchar\n<03> <6C11>\n<9D> <4EFD>\nendbfchar\nendcmap');
  });

  it('writes out a range that crosses a mapped radical as single entries', () => {
    const cmap = '1 beginbfrange\n<10> <11> <2F9C>\nendbfrange\nendcmap';
    const fixed = rewriteToUnicode(cmap, radicals);
    expect(fixed).not.toContain('beginbfrange');
    expect(fixed).toContain('<10> <2F9C>');
    expect(fixed).toContain('<11> <8EAB>');
  });

  it('sends ― (U+2015) to the em dash — (U+2014) when the map says so', () => {
    const cmap = '1 beginbfchar\n<D5> <2015>\nendbfchar\nendcmap';
    expect(rewriteToUnicode(cmap, new Map([[0x2015, 0x2014]]))).toBe('1 beginbfchar\n<D5> <2014>\nendbfchar\nendcmap');
  });

  it('leaves a map without radicals exactly as it was', () => {
    const cmap = '1 beginbfchar\n<9D> <4EFD>\nendbfchar\nendcmap';
    expect(rewriteToUnicode(cmap, radicals)).toBe(cmap);
  });

  const noto = (() => {
    try {
      return execFileSync('fc-match', ['-f', '%{file}|%{index}', 'Noto Sans CJK SC'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();

  it.runIf(noto.includes('NotoSansCJK') && existsSync(noto.split('|')[0] ?? ''))('learns from Noto Sans CJK SC that ⺠ is 民, ⾝ is 身 and ⼾ is 户', () => {
    const [file, index] = noto.split('|') as [string, string];
    const map = radicalsOfFont(readFileSync(file), Number(index));
    expect(map.get(0x2ea0)).toBe(0x6c11);
    expect(map.get(0x2f9d)).toBe(0x8eab);
    expect(map.get(0x2f3e)).toBe(0x6237);
    expect(map.size).toBeGreaterThan(200);
  });

  it.runIf(noto.includes('NotoSansCJK') && existsSync(noto.split('|')[0] ?? ''))(
    'learns from Noto Sans CJK SC that it sets the em dash with the glyph its cmap gives ―, and keeps the radicals',
    () => {
      const [file, index] = noto.split('|') as [string, string];
      const fixes = sharedGlyphFixes(readFileSync(file), Number(index));
      expect(fixes.get(0x2015)).toBe(0x2014);
      expect(fixes.get(0x2f9d)).toBe(0x8eab);
      // The em dash itself is never rewritten.
      expect(fixes.has(0x2014)).toBe(false);
    },
  );
});
