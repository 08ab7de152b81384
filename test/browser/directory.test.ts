/**
 * A large organisation's home page lists its kinds of unit, each with a
 * directory page of units under their 所属单位, instead of a card per unit.
 * The example organisation (6 units) built with SILIANG_HOME_CARDS=3 stands
 * in for a province: the same pages, at a size a test can build.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { UNIT_KINDS, type UnitKind } from '#schemas/unit.ts';
import { serveStatic } from '#node/static-server.ts';
import { axeViolations, horizontalOverflow, launch } from '../helpers/browser.ts';
import { page, text } from '../helpers/html.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-directory-'));
const out = join(temp, 'out');
let server: Server;
let base: string;
let browser: Browser;

const units = checkContent(join(ROOT, 'content'), { today: '2026-11-22' }).entries.filter((e) => e.collection === 'units');
const kinds = [...new Set(units.map((u) => u.data.kind as UnitKind))];
const unitsOf = (kind: UnitKind) => units.filter((u) => u.data.kind === kind);

beforeAll(async () => {
  await buildInto(join(ROOT, 'content'), out, { print: 'none', env: { SILIANG_HOME_CARDS: '3' } });
  ({ server, url: base } = await serveStatic({ dir: out, base: '/' }));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('the home page of an organisation past the limit', () => {
  it('lists each kind that has units, with its count and a link to its directory, and no unit cards', () => {
    const home = page(out, '');
    const listed = [...home.querySelectorAll('.kinds li')].map((li) => ({ href: li.querySelector('a')?.getAttribute('href'), text: text(li) }));
    expect(listed.map((k) => k.href).sort()).toEqual(kinds.map((k) => `/kinds/${k}/`).sort());
    for (const kind of kinds) {
      expect(listed.find((k) => k.href === `/kinds/${kind}/`)?.text).toBe(`${UNIT_KINDS[kind]} ${unitsOf(kind).length} 个单位`);
    }
    expect(home.querySelectorAll('.unit-card')).toHaveLength(0);
  });
});

describe('a kind’s directory', () => {
  it('lists exactly the units of its kind, each under its 所属单位 and linking to a built unit page', () => {
    for (const kind of kinds) {
      const doc = page(out, `kinds/${kind}/`);
      expect(text(doc.querySelector('h1'))).toBe(UNIT_KINDS[kind]);
      const links = [...doc.querySelectorAll('main section li a')].map((a) => a.getAttribute('href') ?? '');
      expect(links.sort()).toEqual(
        unitsOf(kind)
          .map((u) => `/units/${u.id}/`)
          .sort(),
      );
      for (const link of links) expect(existsSync(join(out, link, 'index.html'))).toBe(true);
      for (const section of doc.querySelectorAll('main section')) {
        const parent = text(section.querySelector('h2'));
        for (const a of section.querySelectorAll('li a')) {
          const unit = units.find((u) => `/units/${u.id}/` === a.getAttribute('href'));
          expect(unit?.data.parent).toBe(parent);
        }
      }
    }
  });

  it('is a page without a script that fits a phone and has no accessibility violation', async () => {
    const kind = kinds[0] as UnitKind;
    expect(page(out, `kinds/${kind}/`).querySelectorAll('script:not([data-large-text])')).toHaveLength(0);
    const tab = await browser.newPage({ viewport: { width: 360, height: 800 } });
    try {
      await tab.goto(`${base}kinds/${kind}/`);
      expect(await horizontalOverflow(tab)).toBe(0);
      expect(await axeViolations(tab)).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('is where the search page’s list for browsers without JavaScript points', () => {
    const links = [...page(out, 'search/').querySelectorAll('#directory a')].map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(kinds.map((k) => `/kinds/${k}/`).sort());
  });
});

describe('an organisation within the limit', () => {
  it('has a card for every unit on its home page and no directories', () => {
    const example = inject('exampleDir');
    expect(page(example, '').querySelectorAll('.unit-card')).toHaveLength(units.length);
    expect(existsSync(join(example, 'kinds'))).toBe(false);
  });
});
