/**
 * Schema.org JSON-LD for search engines, map services and the provincial
 * platform: what a procedure, a unit and its staff board state, in a
 * vocabulary they read. Every value comes from the model the page itself is
 * made from (the website's, so privacy tiers apply); nothing is looked up
 * elsewhere and nothing the content does not say is filled in. Typed with
 * schema-dts, so a misspelt property or type is a compile error rather
 * than a term a JSON-LD processor silently drops.
 */
import type { ContactPoint, GovernmentService, OpeningHoursSpecification, Organization, Person, Place, ServiceChannel, WithContext } from 'schema-dts';
import { ON_THE_SPOT } from '#schemas/procedure.ts';
import { feeSummary, isFree, isNotStated, showTimeLimit, stated } from './format.ts';
import { hoursTables, isClockRange, isWorkdayWords, parseWeekdays, type Weekday } from './hours.ts';
import type { Hours, ProcedureModel, SiteModel, UnitModel } from './model.ts';
import { absoluteUrl, paths } from './urls.ts';

const DAY_IRIS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const dayOf = (d: Weekday) => `https://schema.org/${DAY_IRIS[d - 1] as (typeof DAY_IRIS)[number]}` as const;

/** Opening hours as schema.org states them: one specification per line of the table, and the holiday rule in words on public holidays. */
export function openingHours(hours: Hours): OpeningHoursSpecification[] {
  const specs: OpeningHoursSpecification[] = [];
  // Seasons have no yearly form in schema.org (validFrom is a single date), so their name and dates go in the description;
  // a line that gives no clock times (上午, 未公布) states no opening time at all.
  for (const table of hoursTables(hours)) {
    const description = [table.season && `${table.season}${table.range ? `（${table.range}）` : ''}`, table.note, hours.note].filter(Boolean).join('；');
    for (const line of table.lines) {
      if (!Array.isArray(line.times) || isWorkdayWords(line.days)) continue;
      const days = parseWeekdays(line.days) ?? [];
      for (const range of line.times.filter(isClockRange)) {
        const [opens, closes] = range.split('-') as [string, string];
        specs.push({ '@type': 'OpeningHoursSpecification', dayOfWeek: days.map(dayOf), opens, closes, ...(description ? { description } : {}) });
      }
    }
  }
  // The holiday rule is words (法定节假日休息，调休上班日正常办公), which no time range can say.
  specs.push({ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/PublicHolidays', description: hours.holidays });
  return specs;
}

type Unit = UnitModel<unknown>;

/** The schema.org type of a unit: hospitals' departments and clinics as such, every other window a government office. */
function unitType(unit: Unit): 'Hospital' | 'MedicalClinic' | 'GovernmentOffice' {
  if (unit.data.kind === 'hospital-department') return 'Hospital';
  if (unit.data.kind === 'public-health') return 'MedicalClinic';
  return 'GovernmentOffice';
}

const unitId = (siteUrl: string, unit: Unit) => `${absoluteUrl(siteUrl, paths.unit(unit.id))}#unit`;

/**
 * The unit's phone and every supervision channel that can be reached (phone, e-mail, web). A unit that
 * publishes no phone gets the fallback channel under its own name, never as the unit's consultation line.
 */
function contactPoints(unit: Unit): ContactPoint[] {
  const first: ContactPoint = unit.phoneFallback
    ? { '@type': 'ContactPoint', contactType: unit.phoneFallback.name, telephone: unit.phoneFallback.phone, description: unit.phoneFallback.sentence, availableLanguage: 'zh-CN' }
    : { '@type': 'ContactPoint', contactType: '咨询', telephone: unit.phone, availableLanguage: 'zh-CN' };
  const points: ContactPoint[] = [first];
  for (const c of unit.channels) {
    const how = c.href?.startsWith('tel:') ? { telephone: c.value } : c.href?.startsWith('mailto:') ? { email: c.value } : c.href ? { url: c.href } : undefined;
    if (!how) continue;
    points.push({ '@type': 'ContactPoint', contactType: c.label, ...how, ...(c.hours || c.note ? { description: [c.hours, c.note].filter(Boolean).join('；') } : {}) });
  }
  return points;
}

/** A reference to the unit, as a provider or employer. */
function unitReference(site: SiteModel<unknown>, unit: Unit): { '@type': ReturnType<typeof unitType>; '@id': string; name: string } {
  return { '@type': unitType(unit), '@id': unitId(site.site.url, unit), name: unit.data.name };
}

/** JSON-LD of a unit's page: the office with its address, hours and contacts. */
export function unitLd(site: SiteModel<unknown>, unit: Unit): WithContext<Organization> {
  const d = unit.data;
  const street = [d.location.address, d.location.building, d.location.floor].filter(Boolean).join(' ');
  return {
    '@context': 'https://schema.org',
    '@type': unitType(unit),
    '@id': unitId(site.site.url, unit),
    name: d.name,
    ...(stated(d.summary) ? { description: stated(d.summary) } : {}),
    url: absoluteUrl(site.site.url, paths.unit(unit.id)),
    ...(unit.phoneFallback ? {} : { telephone: unit.phone }),
    ...(street ? { address: { '@type': 'PostalAddress', streetAddress: street, addressCountry: 'CN' } } : {}),
    parentOrganization: { '@type': 'Organization', name: d.parent },
    openingHoursSpecification: openingHours(unit.hours),
    contactPoint: contactPoints(unit),
  } as WithContext<Organization>;
}

/** JSON-LD of a unit's staff board: the office and the people on it, as far as the privacy tier lets the web name them. */
export function staffLd(site: SiteModel<unknown>, unit: Unit): WithContext<Organization> {
  const employee: Person[] = unit.staff.map((s) => ({
    '@type': 'Person',
    name: s.data.name,
    jobTitle: [s.postName, s.data.title, s.data.position].filter((x): x is string => Boolean(x)),
    url: absoluteUrl(site.site.url, paths.person(unit.id, s.slug)),
    ...(s.data.number ? { identifier: s.data.number } : {}),
    ...(s.data.workPhone ? { telephone: s.data.workPhone } : {}),
  }));
  return { '@context': 'https://schema.org', ...unitReference(site, unit), url: absoluteUrl(site.site.url, paths.staff(unit.id)), employee } as WithContext<Organization>;
}

/** ISO 8601 duration of a promised time limit in days; none for 当场办结 or working days (a duration cannot count working days). */
function processingTime(p: ProcedureModel): string | undefined {
  const tl = p.data.timeLimit;
  if (isNotStated(tl)) return undefined;
  const promised = tl.promised;
  if (promised === ON_THE_SPOT) return 'PT0S';
  if (typeof promised === 'number' && tl.promisedUnit === 'calendar-days') return `P${promised}D`;
  return undefined;
}

/** JSON-LD of a procedure's page: the service, who provides it, where and how to reach it, its fee and promised time limit. */
export function procedureLd(site: SiteModel<unknown>, unit: Unit, p: ProcedureModel): WithContext<GovernmentService> {
  const d = p.data;
  const url = absoluteUrl(site.site.url, paths.procedure(unit.id, p.slug));
  const time = processingTime(p);
  const promised = `承诺办结时限：${showTimeLimit(d.timeLimit).promised}`;
  const place: Place = {
    '@type': 'Place',
    name: p.place,
    ...(unit.data.location.address ? { address: { '@type': 'PostalAddress', streetAddress: unit.data.location.address, addressCountry: 'CN' } } : {}),
    openingHoursSpecification: openingHours(p.hours),
  };
  const channels: ServiceChannel[] = [
    {
      '@type': 'ServiceChannel',
      name: '窗口办理',
      description: promised,
      serviceLocation: place,
      servicePhone: { '@type': 'ContactPoint', contactType: p.phoneFallback?.name ?? '咨询', telephone: p.consultPhone },
      availableLanguage: 'zh-CN',
      ...(time ? { processingTime: time } : {}),
    },
  ];
  for (const o of d.online === undefined ? [] : [d.online].flat()) {
    channels.push({
      '@type': 'ServiceChannel',
      name: o.label ?? '网上办理',
      ...(o.url ? { serviceUrl: o.url } : {}),
      ...(o.phone ? { servicePhone: { '@type': 'ContactPoint', telephone: o.phone } } : {}),
      availableLanguage: 'zh-CN',
    });
  }
  const contacts: ContactPoint[] = [{ '@type': 'ContactPoint', contactType: p.phoneFallback?.name ?? '咨询', telephone: p.consultPhone }];
  if (p.complaintPhone) contacts.push({ '@type': 'ContactPoint', contactType: '投诉', telephone: p.complaintPhone });
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    '@id': `${url}#service`,
    name: d.name,
    ...(stated(d.summary) ? { description: stated(d.summary) } : {}),
    url,
    ...(stated(d.code) ? { identifier: stated(d.code) } : {}),
    ...(d.category ? { serviceType: d.category } : {}),
    // The guide's own phones: consultation, and complaints about this service.
    provider: { ...unitReference(site, unit), contactPoint: contacts },
    availableChannel: channels,
    // The fee as the page says it; a price only when the content says nothing is charged.
    offers: { '@type': 'Offer', description: `收费标准：${feeSummary(d.fee)}`, ...(isFree(d.fee) ? { price: 0, priceCurrency: 'CNY' } : {}) },
  } as WithContext<GovernmentService>;
}
