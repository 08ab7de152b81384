/**
 * Atom feeds (RFC 4287) for feed readers, supervisors and the provincial
 * platform: the notices, with their publicity periods, and the changes
 * (guides added or updated, pledge items fulfilled). Made from the website's
 * model like the pages; the dates are the content's own, so a feed changes
 * only when the content does.
 */
import { formatDate } from './dates.ts';
import type { SiteModel } from './model.ts';
import { absoluteUrl, paths } from './urls.ts';

export const feedPaths = {
  notices: () => 'notices/feed.xml',
  changes: () => 'changes.xml',
};

export interface FeedEntry {
  id: string;
  title: string;
  /** YYYY-MM-DD. */
  updated: string;
  published?: string;
  link: string;
  summary: string;
}

export interface Feed {
  id: string;
  title: string;
  self: string;
  alternate: string;
  author: string;
  entries: FeedEntry[];
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
/** The UTC offset of a time zone at noon on a day: `+08:00`. */
export function utcOffset(timeZone: string, day: string): string {
  const name =
    new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(`${day}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

/** The feed as Atom XML. Atom wants date-times; the content's dates are days, given as the start of that day in the organisation's time zone. */
export function atomXml(feed: Feed, timeZone = 'Asia/Shanghai'): string {
  const at = (day: string) => `${day}T00:00:00${utcOffset(timeZone, day)}`;
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), '1970-01-01');
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <updated>${at(e.updated)}</updated>`,
      ...(e.published ? [`    <published>${at(e.published)}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${at(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** Most entries a feed holds: readers want what is recent. */
export const FEED_LIMIT = 50;

const newestFirst = (a: FeedEntry, b: FeedEntry) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id);

/** The notices, newest first, each with its publicity period and whether it is open, in words. */
export function noticesFeed(site: SiteModel<unknown>): Feed {
  const url = (path: string) => absoluteUrl(site.site.url, path);
  const entries = site.notices.map((n) => {
    const period = n.data.period;
    const words = [
      n.unit ? `发布单位：${n.unit.name}` : undefined,
      `发布日期：${formatDate(n.data.date)}`,
      period ? `公示期：${formatDate(period.start)}至${formatDate(period.end)}（${n.state === 'open' ? '公示中' : n.state === 'ended' ? '公示已结束' : '尚未开始'}）` : undefined,
      n.data.feedback ? `意见反馈：${n.data.feedback}` : undefined,
    ];
    return {
      id: url(paths.notice(n.id)),
      title: n.data.title,
      updated: n.updated && n.updated > n.data.date ? n.updated : n.data.date,
      published: n.data.date,
      link: url(paths.notice(n.id)),
      summary: words.filter(Boolean).join('；'),
    };
  });
  return {
    id: url(feedPaths.notices()),
    title: `${site.site.name}：公告公示`,
    self: url(feedPaths.notices()),
    alternate: url(paths.notices()),
    author: site.site.name,
    entries: entries.sort(newestFirst).slice(0, FEED_LIMIT),
  };
}

/** Changes: each guide at the date it last changed, and each pledge item fulfilled, at the date it was confirmed. */
export function changesFeed(site: SiteModel<unknown>): Feed {
  const url = (path: string) => absoluteUrl(site.site.url, path);
  const entries: FeedEntry[] = [];
  for (const unit of site.units) {
    for (const p of unit.procedures) {
      if (!p.updated) continue;
      const link = url(paths.procedure(unit.id, p.slug));
      entries.push({
        id: `${link}#updated-${p.updated}`,
        title: `办事指南更新：${p.data.name}`,
        updated: p.updated,
        link,
        summary: `${unit.data.name}的办事指南“${p.data.name}”于${formatDate(p.updated)}更新。`,
      });
    }
    for (const pledge of unit.pledges) {
      pledge.data.items.forEach((item, i) => {
        if (item.status !== 'kept' || !item.date) return;
        const link = `${url(paths.pledges(unit.id))}#pledge-${pledge.slug}`;
        entries.push({
          id: `${link}-${i}`,
          title: `承诺已兑现：${item.text}`,
          updated: item.date,
          link,
          summary: [`${pledge.pledger}的承诺“${item.text}”于${formatDate(item.date)}确认兑现`, item.evidence ? `佐证：${item.evidence}` : undefined].filter(Boolean).join('；'),
        });
      });
    }
  }
  return {
    id: url(feedPaths.changes()),
    title: `${site.site.name}：更新和承诺兑现`,
    self: url(feedPaths.changes()),
    alternate: url(paths.home()),
    author: site.site.name,
    entries: entries.sort(newestFirst).slice(0, FEED_LIMIT),
  };
}
