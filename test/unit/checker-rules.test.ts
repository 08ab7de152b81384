/** The registry of folder-wide rules, and the compliance rules for service guides. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { isEntryOf, type CheckedEntry } from '#lib/content/entry.ts';
import { RULES, runRules, type Rule } from '#lib/content/rules/index.ts';
import { complaintChannelRule, placeRule } from '#lib/content/rules/compliance.ts';
import { SMALL } from '../helpers/content.ts';

const ctx = { contentDir: SMALL, today: '2026-11-22', lastChanged: () => '2026-11-20' };
const { entries } = checkContent(SMALL, ctx);
const siteEntry = entries.find(isEntryOf('site'));
if (!siteEntry) throw new Error('the fixture has a valid site.yaml');
const site = siteEntry.data;

/** The fixture's entries with one entry's data changed: data its schema might refuse, planted to test a rule. */
function changed(collection: string, change: (data: Record<string, unknown>) => Record<string, unknown>): CheckedEntry[] {
  return entries.map((e) => (e.collection === collection ? ({ ...e, data: change(structuredClone(e.data)) } as CheckedEntry) : e));
}

describe('the rule registry', () => {
  it('runs every rule it is given, in order, over the valid entries', () => {
    const seen: string[] = [];
    const a: Rule = (es) => {
      seen.push(`a:${es.length}`);
      return [{ severity: 'warning', kind: 'a', file: 'site.yaml', message: '甲' }];
    };
    const b: Rule = (_, c) => {
      seen.push(`b:${c.today}`);
      return [];
    };
    expect(runRules(entries, { ...ctx, site }, [a, b])).toEqual([{ severity: 'warning', kind: 'a', file: 'site.yaml', message: '甲' }]);
    expect(seen).toEqual([`a:${entries.length}`, 'b:2026-11-22']);
  });

  it('holds the compliance and freshness rules', () => {
    expect(RULES).toContain(complaintChannelRule);
    expect(RULES).toContain(placeRule);
    expect(RULES.length).toBeGreaterThanOrEqual(6);
  });
});

describe('every service guide reachable by a complaint phone', () => {
  const mailboxOnly = (d: Record<string, unknown>) => ({ ...d, supervision: { mode: 'replace', channels: [{ type: 'report-email', value: 'a@ceshi.example' }] } });

  it('accepts a unit whose own channels or the site’s include a phone line', () => {
    expect(complaintChannelRule(entries, { ...ctx, site })).toEqual([]);
    const { supervision: _, ...withoutOwn } = entries.find((e) => e.collection === 'units')?.data ?? {};
    expect(
      complaintChannelRule(
        changed('units', () => withoutOwn),
        { ...ctx, site },
      ),
    ).toEqual([]);
  });

  it('reports, at the unit, guides left with only a mailbox', () => {
    const problems = complaintChannelRule(changed('units', mailboxOnly), { ...ctx, site });
    expect(problems).toMatchObject([{ severity: 'error', kind: 'no-complaint-channel', file: 'units/chuangkou/unit.yaml', field: 'supervision.channels' }]);
  });

  it('accepts a guide that names its own complaint phone', () => {
    const units = changed('units', mailboxOnly);
    const both = units.map((e) => (e.collection === 'procedures' ? { ...e, data: { ...e.data, phones: { complaint: '0570-1234 9999' } } } : e));
    expect(complaintChannelRule(both, { ...ctx, site })).toEqual([]);
  });

  it('reports when the site’s channels are all that applies and none is a phone', () => {
    const { supervision: _, ...withoutOwn } = entries.find((e) => e.collection === 'units')?.data ?? {};
    const siteWithoutPhones = { ...site, supervision: [{ type: 'suggestion-box' as const, value: '大厅入口' }] };
    const [p] = complaintChannelRule(
      changed('units', () => withoutOwn),
      { ...ctx, site: siteWithoutPhones },
    );
    expect(p?.message).toBe('办事事项“测试证明办理”没有监督投诉电话：本单位和网站的监督渠道里没有投诉电话、监督电话或服务热线');
  });

  it('says nothing when site.yaml itself is broken, which has problems of its own', () => {
    expect(complaintChannelRule(changed('units', mailboxOnly), ctx)).toEqual([]);
  });
});

describe('every service guide says where to go', () => {
  it('takes the unit’s location when the guide has no place of its own', () => {
    expect(placeRule(entries, ctx)).toEqual([]);
  });

  it('accepts a place of its own when the unit has no location', () => {
    const units = changed('units', (d) => ({ ...d, location: {} }));
    expect(placeRule(units, ctx)).toHaveLength(1);
    const placed = units.map((e) => (e.collection === 'procedures' ? { ...e, data: { ...e.data, place: '一楼 1 号窗口' } } : e));
    expect(placeRule(placed, ctx)).toEqual([]);
  });
});
