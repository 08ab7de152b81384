/**
 * The privacy guard against a generated corpus (test/helpers/privacy-corpus.ts):
 * identity numbers, mobiles and home addresses in every way people write
 * them, planted in every collection, are all reported as errors where they
 * are written, and the look-alikes a disclosure board is full of (order,
 * bank and invoice numbers, codes, landlines, office addresses, window and
 * room numbers) are never reported.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import type { Problem } from '#lib/content/problem.ts';
import { findHomeAddresses, findIdentityNumbers, findMobiles } from '#lib/privacy/index.ts';
import { SMALL, yaml } from '../helpers/content.ts';
import {
  ADDRESS_LOOK_ALIKES,
  addressPlants,
  allLookAlikes,
  allPlants,
  identityLookAlikes,
  identityPlants,
  mobileLookAlikes,
  mobilePlants,
  PLANTED_COLLECTIONS,
  plantedFiles,
  plantedLines,
  type Group,
  type Plant,
} from '../helpers/privacy-corpus.ts';

const TODAY = '2026-11-22';
const temp = mkdtempSync(join(tmpdir(), 'siliang-privacy-corpus-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;

const detect: Record<Group, (text: string) => Array<{ start: number; end: number; text: string }>> = {
  identity: (text) => findIdentityNumbers(text, { today: TODAY }),
  mobile: findMobiles,
  address: findHomeAddresses,
};

/** Twenty seeds of every format: about two thousand plants. */
const MANY: Plant[] = Array.from({ length: 20 }, (_, i) => [...identityPlants(i + 1), ...mobilePlants(i + 1), ...addressPlants(i + 1)]).flat();
const MANY_LOOK_ALIKES = [...new Set([...Array.from({ length: 20 }, (_, i) => [...identityLookAlikes(i + 1), ...mobileLookAlikes(i + 1)]).flat(), ...ADDRESS_LOOK_ALIKES])];

describe('the detectors on about two thousand plants and their look-alikes', () => {
  it('has plants of every group and look-alikes to test against', () => {
    const groups = new Map<Group, number>();
    for (const plant of MANY) groups.set(plant.group, (groups.get(plant.group) ?? 0) + 1);
    expect([...groups.keys()].sort()).toEqual(['address', 'identity', 'mobile']);
    for (const n of groups.values()) expect(n).toBeGreaterThan(400);
    expect(MANY_LOOK_ALIKES.length).toBeGreaterThan(300);
  });

  it('finds every identity number and every mobile exactly as written', () => {
    const missed = MANY.filter((p) => p.group !== 'address').filter((p) => {
      const found = detect[p.group](p.sentence);
      return found.length !== 1 || found[0]?.text !== p.value;
    });
    expect(missed.map((p) => `${p.format}: ${p.sentence}`)).toEqual([]);
  });

  it('finds every home address, the finding reaching its house or room number', () => {
    const missed = MANY.filter((p) => p.group === 'address').filter((p) => {
      const start = p.sentence.indexOf(p.value);
      const end = start + p.value.trimEnd().length;
      const found = findHomeAddresses(p.sentence);
      return found.length !== 1 || !(found[0] && found[0].start >= start - 4 && found[0].start < end && found[0].end >= end);
    });
    expect(missed.map((p) => `${p.format}: ${p.sentence} → ${JSON.stringify(findHomeAddresses(p.sentence).map((f) => f.text))}`)).toEqual([]);
  });

  it('reads no plant as something else: an address is no number, a mobile no identity number', () => {
    const confused: string[] = [];
    for (const plant of MANY) {
      for (const group of ['identity', 'mobile', 'address'] as const) {
        if (group === plant.group) continue;
        // A mobile detector may see digits inside an identity number; the rule skips those overlaps.
        if (plant.group === 'identity' && group === 'mobile') continue;
        const found = detect[group](plant.sentence);
        if (found.length > 0) confused.push(`${plant.format} as ${group}: ${plant.sentence}`);
      }
    }
    expect(confused).toEqual([]);
  });

  it('raises no false alarm on any look-alike', () => {
    const alarms: string[] = [];
    for (const line of MANY_LOOK_ALIKES) {
      for (const group of ['identity', 'mobile', 'address'] as const) {
        for (const f of detect[group](line)) alarms.push(`${group} “${f.text}” in ${line}`);
      }
    }
    expect(alarms).toEqual([]);
  });
});

const brief = (p: Problem) => `${p.severity} ${p.kind} ${p.file}:${p.line} ${p.message}`;
const groupOf = (p: Problem): Group | undefined =>
  p.kind === 'privacy-id-number' || p.kind === 'privacy-old-id-number'
    ? 'identity'
    : p.kind === 'privacy-mobile'
      ? 'mobile'
      : p.kind === 'privacy-home-address'
        ? 'address'
        : undefined;

/** A copy of the small fixture with files replaced or added; its privacy problems, the rest having been checked clean. */
function privacyOf(files: Record<string, string>): Problem[] {
  const dir = join(temp, `content-${count++}`);
  cpSync(SMALL, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const { problems } = checkContent(dir, { today: TODAY, lastChanged: () => TODAY });
  expect(problems.filter((p) => p.severity === 'error' && !p.kind.startsWith('privacy-')).map(brief)).toEqual([]);
  return problems.filter((p) => groupOf(p) !== undefined || p.kind === 'privacy-allow-unused');
}

describe('the whole checker on the corpus planted in every collection', () => {
  const plants = allPlants();
  const lookAlikes = allLookAlikes();
  const sentences = [...plants.map((p) => p.sentence), ...lookAlikes];
  const files = plantedFiles((file) => readFileSync(join(SMALL, file), 'utf8'), sentences);
  const where = plantedLines(files, sentences);
  const problems = privacyOf(files);
  const at = (file: string, line: number) => problems.filter((p) => p.file === file && p.line === line);

  it('plants in every collection the fixture has, and in hall screens', () => {
    expect(Object.values(PLANTED_COLLECTIONS).sort()).toEqual(['evaluations', 'notices', 'pledges', 'posts', 'procedures', 'screens', 'site', 'staff', 'units']);
  });

  it('reports every plant as an error of its kind at the line where it is written', () => {
    const missed: string[] = [];
    for (const w of where) {
      const plant = plants.find((p) => p.sentence === w.sentence);
      if (!plant) continue;
      if (!at(w.file, w.line).some((p) => p.severity === 'error' && groupOf(p) === plant.group)) missed.push(`${w.collection} ${plant.format}: ${w.sentence}`);
    }
    expect(missed).toEqual([]);
  });

  it('reports nothing on the look-alikes in any collection', () => {
    const alarms = where.filter((w) => lookAlikes.includes(w.sentence)).flatMap((w) => at(w.file, w.line).map(brief));
    expect(alarms).toEqual([]);
  });

  it('never prints a planted number or house number whole', () => {
    const messages = problems.map((p) => p.message).join('\n');
    expect(plants.filter((plant) => plant.group !== 'address' && messages.includes(plant.value)).map((plant) => plant.value)).toEqual([]);
    expect(messages).not.toMatch(/\d{5}|[０-９]{5}/);
  });
});

describe('mobiles outside staff records', () => {
  const unit = yaml(
    'name: 综合受理窗口',
    'kind: 政务服务窗口',
    'parent: 测试县政务服务中心',
    'summary: 负责测试事项的受理和发证。',
    'location:',
    '  building: 政务服务中心',
    '  floor: 一楼',
    'phone: "138 0571 0000"',
    'supervision:',
    '  channels:',
    '    - type: 投诉电话',
    '      name: 夜间值班手机',
    '      value: "139-0570-1234"',
    '      note: 打不通时请打 150 6789 0123',
    'updated: 2026-10-01',
  );
  const post = readFileSync(join(SMALL, 'units/chuangkou/posts/shouli.yaml'), 'utf8').replace('phone: "0570-1234 9999"', 'phone: "137 0570 2222"');
  const guide = readFileSync(join(SMALL, 'units/chuangkou/procedures/ceshi-shixiang.md'), 'utf8').replace(/^updated:/m, 'phones:\n  consult: "136 0570 1111"\nupdated:');
  const pledge = readFileSync(join(SMALL, 'units/chuangkou/pledges/2026.yaml'), 'utf8').replace('材料齐全当场受理', '有事请打 １３８－０５７１－９９９９，材料齐全当场受理');

  it('accepts a mobile in a field declared for the unit’s published phone, and errs on one written anywhere else', () => {
    const problems = privacyOf({
      'units/chuangkou/unit.yaml': unit,
      'units/chuangkou/posts/shouli.yaml': post,
      'units/chuangkou/procedures/ceshi-shixiang.md': guide,
      'units/chuangkou/pledges/2026.yaml': pledge,
    });
    expect(problems.map((p) => `${p.severity} ${p.file} ${p.field} ${p.message}`)).toEqual([
      'error units/chuangkou/pledges/2026.yaml items[0].text 这里有一个手机号（138****9999），私人手机号不能公开',
      'error units/chuangkou/unit.yaml supervision.channels[0].note 这里有一个手机号（150****0123），私人手机号不能公开',
    ]);
  });

  it('lets the allow-list accept a full-width number by the number as usually written', () => {
    const site = `${readFileSync(join(SMALL, 'site.yaml'), 'utf8')}${yaml(
      'privacy:',
      '  allow:',
      '    - file: units/chuangkou/pledges/2026.yaml',
      '      field: items[0].text',
      '      value: "138 0571 9999"',
      '      reason: 窗口对外公布的值班手机，经中心办公室审批',
    )}`;
    expect(privacyOf({ 'units/chuangkou/pledges/2026.yaml': pledge, 'site.yaml': site })).toEqual([]);
  });
});
