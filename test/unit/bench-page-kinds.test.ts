/** How the benchmark sorts built pages into kinds and reads what they load (src/tools/bench/page-kinds.ts). */
import { describe, expect, it } from 'vitest';
import { isCitizenPage, median, pageAssets, pageKind } from '#tools/bench/page-kinds.ts';

describe('page kinds', () => {
  it.each([
    ['index.html', 'home'],
    ['units/menzhen/index.html', 'unit'],
    ['units/menzhen/procedures/index.html', 'procedures'],
    ['units/menzhen/procedures/guahao/index.html', 'procedure'],
    ['units/menzhen/staff/index.html', 'staffList'],
    ['units/menzhen/staff/li-na/index.html', 'person'],
    ['units/menzhen/duties/index.html', 'duties'],
    ['units/menzhen/pledges/index.html', 'pledges'],
    ['units/menzhen/evaluations/index.html', 'evaluations'],
    ['notices/index.html', 'notices'],
    ['notices/2026-tingji/index.html', 'notice'],
    ['search/index.html', 'search'],
    ['print/units/menzhen/board/a3/index.html', 'print'],
    ['kiosk/zhengwu-dating/index.html', 'kiosk'],
    ['units/index.html', 'other'],
  ])('%s is a %s page', (path, kind) => {
    expect(pageKind(path)).toBe(kind);
  });

  it('counts print sheets and hall screens apart from citizen pages', () => {
    expect(isCitizenPage('procedure')).toBe(true);
    expect(isCitizenPage('print')).toBe(false);
    expect(isCitizenPage('kiosk')).toBe(false);
  });
});

describe('median', () => {
  it('takes the middle value, the lower of the two middles for an even count, and 0 for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBe(0);
  });
});

describe('what a page loads', () => {
  it('finds stylesheets, external scripts and inline code, but not JSON data', () => {
    const html = `<link rel="stylesheet" href="/_astro/a.css"><link rel=icon href="/f.ico"><link href="/_astro/b.css" rel="stylesheet">
      <script type="module" src="/_astro/search.js"></script><script>console.log(1)</script>
      <script type="application/json" id="data">{"a":1}</script><script type="application/ld+json">{}</script>`;
    const assets = pageAssets(html);
    expect(assets.styles).toEqual(['/_astro/a.css', '/_astro/b.css']);
    expect(assets.scripts).toEqual(['/_astro/search.js']);
    expect(assets.inlineScript).toBe('console.log(1)');
  });

  it('finds nothing to run on a page without scripts', () => {
    expect(pageAssets('<main><h1>办事指南</h1></main>')).toEqual({ styles: [], scripts: [], inlineScript: '' });
  });
});
