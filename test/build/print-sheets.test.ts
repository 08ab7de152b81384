/**
 * Every printed sheet of the example organisation carries the five things a
 * reader needs to check it: a QR code, the address it opens in text, the
 * organisation, a date and the version code. A badge is cut out of its
 * sheet, so it carries its own QR code, address and version.
 */
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, page, text } from '../helpers/html.ts';

const site = inject('exampleDir');
const ORGANISATION = '青溪县窗口单位“四亮”公开平台';
const DATE = /(?:更新|生成)日期：\d{4}年\d{1,2}月\d{1,2}日/;

/** The address printed for a QR code's target: no scheme, no version fragment, no trailing slash. */
const addressOf = (qr: string) =>
  qr
    .replace(/^https?:\/\//, '')
    .replace(/#.*$/, '')
    .replace(/\/$/, '');

const printPages = htmlFiles(site).filter((f) => f.startsWith('print/') && f !== 'print/index.html');

describe('every printed sheet', () => {
  it('is found: every format of the example has print pages', () => {
    for (const kind of ['board', 'procedures', 'desk-cards', 'badges', 'window-plaques', 'pledges', 'supervision']) {
      expect(
        printPages.some((f) => f.includes(`/${kind}/`) || f.startsWith(`print/${kind}/`)),
        kind,
      ).toBe(true);
    }
  });

  it.each(printPages)('%s carries a QR code, its address, the organisation, a date and the version', (file) => {
    const doc = page(site, file);
    const sheets = [...doc.querySelectorAll('.sheet')];
    // A unit without window numbers gets a note instead of window plaques.
    if (doc.querySelector('.no-windows')) return;
    expect(sheets.length, file).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const qrs = [...sheet.querySelectorAll('[data-qr]')].map((q) => q.getAttribute('data-qr') ?? '').filter((q) => q.includes('#v-'));
      expect(qrs.length, file).toBeGreaterThan(0);
      const words = text(sheet).replace(/\s+/g, '');
      for (const qr of qrs) expect(words, `${file}: ${qr}`).toContain(addressOf(qr));
      expect(words, file).toContain(ORGANISATION.replace(/\s+/g, ''));
      expect(text(sheet), file).toMatch(DATE);
      const versions = [...sheet.querySelectorAll('[data-version]')].map((v) => text(v));
      expect(versions.length, file).toBeGreaterThan(0);
      for (const v of versions) expect(v, file).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    }
  });
});

describe('each badge', () => {
  const badgePages = printPages.filter((f) => f.endsWith('/badges/index.html'));

  it.each(badgePages)('on %s carries its own QR code, the address in text and the version beside it', (file) => {
    const badges = [...page(site, file).querySelectorAll('.staff-badge')];
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) {
      const qr = badge.querySelector('[data-qr]')?.getAttribute('data-qr') ?? '';
      const version = text(badge.querySelector('[data-version]'));
      expect(qr).toMatch(/\/staff\/[a-z-]+\/#v-[0-9A-Z]{6}$/);
      expect(qr.endsWith(`#v-${version}`)).toBe(true);
      // Host and path on a line each; together, the address the QR code opens.
      const lines = [...badge.querySelectorAll('.address [data-fit-line]')].map((l) => text(l));
      expect(lines.join('')).toBe(addressOf(qr));
      expect(lines[1]?.startsWith('/units/')).toBe(true);
    }
  });
});
