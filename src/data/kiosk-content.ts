/**
 * What a screen's page holds: its slides resolved against the organisation's
 * model, the urgent notices that may take it over, and its content version.
 */
import type { ImageMetadata } from 'astro';
import { collectionEntries } from './collections.ts';
import context from 'virtual:siliang/context';
import { kioskVersion } from '#lib/kiosk/version.ts';
import type { NoticeModel, ProcedureModel } from '#lib/model.ts';
import type { SlideData } from '#schemas/screen.ts';
import type { Screen } from './kiosk.ts';
import { loadSite, unitById, type Site, type Unit } from './site.ts';

export interface ResolvedSlide {
  id: string;
  slide: SlideData<ImageMetadata>;
  duration: number;
  unit?: Unit;
  procedure?: ProcedureModel;
}

export interface UrgentNotice {
  notice: NoticeModel;
  body: string;
  from: string;
  until: string;
}

export interface ScreenContent {
  site: Site;
  slides: ResolvedSlide[];
  urgent: UrgentNotice[];
  version: string;
}

/** Notices marked urgent that have not yet expired at build time. */
async function urgentNotices(site: Site): Promise<UrgentNotice[]> {
  const bodies = new Map((await collectionEntries('notices')).map((n) => [n.id, n.body ?? '']));
  const all = (await collectionEntries('notices')).filter((n) => n.data.urgent);
  return all
    .map((n) => {
      const until = n.data.until ?? n.data.period?.end ?? n.data.date;
      const from = n.data.period?.start ?? n.data.date;
      const model = site.notices.find((m) => m.id === n.id) ?? ({ id: n.id, slug: n.id, data: n.data, file: '', updated: undefined, state: 'published' } as NoticeModel);
      return { notice: model, body: bodies.get(n.id) ?? '', from, until };
    })
    .filter((u) => u.until >= context.today)
    .sort((a, b) => a.from.localeCompare(b.from));
}

const withoutImages = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && 'src' in v && 'width' in v ? (v as ImageMetadata).src : v)));

export async function screenContent(screen: Screen): Promise<ScreenContent> {
  const site = await loadSite();
  const slides: ResolvedSlide[] = screen.data.slides.map((slide, i) => {
    const unit = slide.unit ? unitById(site, slide.unit) : undefined;
    const procedure = unit && slide.procedure ? unit.procedures.find((p) => p.slug === slide.procedure) : undefined;
    return { id: `s${i + 1}`, slide, duration: slide.duration ?? screen.data.duration, ...(unit ? { unit } : {}), ...(procedure ? { procedure } : {}) };
  });
  const urgent = await urgentNotices(site);
  // Everything the page shows, so that any change to it makes a new version.
  const version = kioskVersion(
    withoutImages({
      screen: screen.data,
      org: [site.site.name, site.site.phone, site.channels],
      slides: slides.map((s) => [
        s.slide,
        s.unit
          ? [
              s.unit.data,
              s.unit.procedures.map((p) => p.data),
              s.unit.staff.map((x) => x.data),
              s.unit.posts.map((x) => x.data),
              s.unit.pledges.map((x) => x.data),
              s.unit.evaluations[0]?.data,
            ]
          : null,
      ]),
      notices: site.currentNotices.map((n) => [n.id, n.data.title, n.state]),
      urgent: urgent.map((u) => [u.notice.id, u.notice.data, u.body, u.from, u.until]),
    }),
  );
  return { site, slides, urgent, version };
}
