/**
 * Phones and places of a unit and its guides as every output shows them:
 * several labelled phones with extensions, numbers written as real pages
 * write them (local numbers take the site's area code), the fallback channel
 * of a unit without a phone of its own (labelled as such, never passed off
 * as the unit's), and the places a guide is done at, with its unit's full
 * address and directions when it names none. Pure.
 */
import { isNotStated, type NotStated } from '#schemas/common.ts';
import type { ProcedureData } from '#schemas/procedure.ts';
import { hoursTables, timesText, type HoursLike } from './hours.ts';
import { dialNumbers, type DialNumber } from './phone.ts';

/** One phone as shown: what it is for, its numbers, when it answers. */
export interface ShownPhone {
  label: string;
  /** As written in the content, one field: what a printed sheet prints when it has room for one line. */
  written: string;
  numbers: DialNumber[];
  hours?: string;
  note?: string;
}

/** The channel a page points to when a unit publishes no phone of its own. */
export interface FallbackPhone {
  name: string;
  phone: string;
  numbers: DialNumber[];
  /** "本单位未公布电话，可拨打政务服务便民热线 12345。" */
  sentence: string;
}

export interface SiteContacts {
  shortName: string;
  phone: string;
  areaCode?: string | undefined;
  fallback?: { name: string; phone: string } | undefined;
}

export interface UnitContacts {
  phone?: string | NotStated | undefined;
  phones?: ReadonlyArray<{ label: string; number: string; hours?: string | undefined; note?: string | undefined }> | undefined;
}

export function shownPhone(label: string, written: string, areaCode: string | undefined, extra: { hours?: string | undefined; note?: string | undefined } = {}): ShownPhone {
  return { label, written, numbers: dialNumbers(written, areaCode), ...(extra.hours ? { hours: extra.hours } : {}), ...(extra.note ? { note: extra.note } : {}) };
}

/** The first number of a phone as text, for a line that has room for one. */
export function phoneText(phone: ShownPhone | FallbackPhone): string {
  return phone.numbers.map((n) => n.text).join('、');
}

/**
 * A unit's own phones, and the fallback when it has none: the site's
 * `fallback` channel (12345, say) or its general phone, with a sentence
 * that says whose number it is. A unit that writes no phone at all keeps
 * today's behaviour (the site's phone is used) but the page says so.
 */
export function unitPhones(unit: UnitContacts, site: SiteContacts): { own: ShownPhone[]; fallback?: FallbackPhone } {
  const own: ShownPhone[] = [];
  if (typeof unit.phone === 'string' && !isNotStated(unit.phone)) own.push(shownPhone('咨询电话', unit.phone, site.areaCode));
  for (const p of unit.phones ?? []) own.push(shownPhone(p.label, p.number, site.areaCode, p));
  if (own.length > 0) return { own };
  const channel = site.fallback ?? { name: `${site.shortName}总咨询电话`, phone: site.phone };
  const numbers = dialNumbers(channel.phone, site.areaCode);
  const said = numbers.map((n) => n.text).join('、');
  const head = unit.phone === 'unfilled' ? '本单位电话待填写' : unit.phone === 'not-published' ? '本单位未公布电话' : '本单位未单独公布电话';
  return { own, fallback: { name: channel.name, phone: channel.phone, numbers, sentence: `${head}，可拨打${channel.name} ${said}。` } };
}

export interface PhoneLine {
  label?: string;
  text: string;
  note?: string;
  /** The line is the sentence naming the fallback channel, not a number. */
  fallback?: true;
}

/**
 * A unit's phones as lines of text, for a sheet or a screen that cannot link
 * them: each labelled number with its extension, hours and note, or, for a
 * unit with no phone of its own, the sentence that names the fallback channel
 * as such (never its number alone under 咨询电话, as if it were the unit's).
 * `plainLabel` is the label a line goes without (the heading already says it).
 */
export function phoneLines(unit: { phones: readonly ShownPhone[]; phoneFallback?: FallbackPhone | undefined }, plainLabel: string): PhoneLine[] {
  if (unit.phones.length === 0) return unit.phoneFallback ? [{ text: unit.phoneFallback.sentence, fallback: true }] : [];
  return unit.phones.map((p) => {
    const note = [p.hours ? `（${p.hours}）` : '', p.note ?? ''].join('');
    return { ...(p.label !== plainLabel ? { label: p.label } : {}), text: phoneText(p), ...(note ? { note } : {}) };
  });
}

const COMPLAINT = /投诉|监督|举报/;

/**
 * A guide's phones: its own (consult/complaint, or a labelled list), else
 * its unit's; the consultation number to name in a sentence ("请咨询 …"),
 * and the complaint phone. `unitOwn` and `fallback` come from `unitPhones`.
 */
export function procedurePhones(
  phones: ProcedureData['phones'],
  unit: { own: ShownPhone[]; fallback?: FallbackPhone | undefined },
  complaint: string | undefined,
  areaCode: string | undefined,
): { list: ShownPhone[]; consult: string; complaint: string | undefined; fallback?: FallbackPhone } {
  let own: ShownPhone[] = [];
  let complaintText = complaint;
  if (Array.isArray(phones)) {
    own = phones.map((p) => shownPhone(p.label, p.number, areaCode, p));
    const listed = own.find((p) => COMPLAINT.test(p.label));
    if (listed) complaintText = listed.written;
  } else if (phones) {
    if (phones.consult) own.push(shownPhone('咨询电话', phones.consult, areaCode));
    if (phones.complaint) complaintText = phones.complaint;
  }
  const consulting = own.filter((p) => !COMPLAINT.test(p.label));
  const list = consulting.length > 0 ? own : [...unit.own, ...own];
  const first = list.find((p) => !COMPLAINT.test(p.label));
  const fallback = first ? undefined : unit.fallback;
  const consult = first ? phoneText(first) : fallback ? phoneText(fallback) : '';
  return { list, consult, complaint: complaintText, ...(fallback ? { fallback } : {}) };
}

/** A place where a guide is done, with what the citizen needs to get there. */
export interface ShownPlace<H = unknown> {
  name: string;
  address?: string;
  directions?: string;
  hours?: H;
  phone?: ShownPhone;
  note?: string;
  /** The guide names no place: this is its unit's location (room, street address, directions). */
  fromUnit?: true;
}

/**
 * The places a guide shows: its own `places`, or its `place`, or else its
 * unit's location in full: the room, the street address and the directions,
 * not only a room number.
 */
export function procedurePlaces<H>(
  p: {
    place?: string | undefined;
    places?:
      | ReadonlyArray<{ name: string; address?: string | undefined; directions?: string | undefined; hours?: H | undefined; phone?: string | undefined; note?: string | undefined }>
      | undefined;
  },
  unit: { name: string; room: string; address?: string | undefined; directions?: string | undefined },
  areaCode: string | undefined,
): ShownPlace<H>[] {
  if (p.places && p.places.length > 0) {
    return p.places.map((x) => ({
      name: x.name,
      ...(x.address ? { address: x.address } : {}),
      ...(x.directions ? { directions: x.directions } : {}),
      ...(x.hours ? { hours: x.hours } : {}),
      ...(x.phone ? { phone: shownPhone('咨询电话', x.phone, areaCode) } : {}),
      ...(x.note ? { note: x.note } : {}),
    }));
  }
  if (p.place) return [{ name: p.place }];
  return [
    {
      name: unit.room.trim() || unit.address || unit.name,
      ...(unit.address && unit.room.trim() ? { address: unit.address } : {}),
      ...(unit.directions ? { directions: unit.directions } : {}),
      fromUnit: true,
    },
  ];
}

/**
 * What a place without hours of its own says beside the others' hours: it
 * keeps the guide's (or, when the guide gives none, the unit's) hours. Never
 * a guessed time of its own.
 */
export function sameHoursText(guideHasOwnHours: boolean): string {
  return `未单独公布，按${sharedHoursLabel(guideHasOwnHours)}`;
}

/** The heading of the hours that places without their own keep, beside places with theirs: 本事项办理时间 or 本单位办理时间. */
export function sharedHoursLabel(guideHasOwnHours: boolean): string {
  return `本${guideHasOwnHours ? '事项' : '单位'}办理时间`;
}

/** Whether the places of a guide differ in hours, so that each must say its own (or that it keeps the guide's). */
export function placesHaveOwnHours(places: ReadonlyArray<{ hours?: unknown }>): boolean {
  return places.some((p) => p.hours !== undefined);
}

/** One piece of what a place says, with the field it comes from (`places.hours.note` …). */
export interface PlaceFact {
  place: string;
  field: string;
  text: string;
}

/**
 * Everything the places of a guide state, piece by piece: each place's
 * name, address, directions (for a guide that names no place, its unit's:
 * fields `unit.location.*`), its own hours (every season's name, dates,
 * days and times, and notes; the holiday arrangement), its phone and its
 * note; and, for a place without hours beside places with their own, the
 * sentence that it keeps the guide's hours. Every output that shows the
 * places shows each of these, unless the format leaves the field out on
 * purpose (`LEFT_OUT_ON_PURPOSE` in ./format.ts); a test holds that.
 */
export function placeFacts(places: ReadonlyArray<ShownPlace<HoursLike>>, guideHasOwnHours: boolean): PlaceFact[] {
  const facts: PlaceFact[] = [];
  const several = placesHaveOwnHours(places);
  for (const p of places) {
    const add = (field: string, text: string | undefined) => {
      if (text) facts.push({ place: p.name, field, text });
    };
    add('places.name', p.name);
    // A guide that names no place is done at its unit, whose address and directions come from unit.yaml.
    add(p.fromUnit ? 'unit.location.address' : 'places.address', p.address);
    add(p.fromUnit ? 'unit.location.directions' : 'places.directions', p.directions);
    if (p.hours) {
      for (const table of hoursTables(p.hours)) {
        add('places.hours.season', table.season);
        add('places.hours.season', table.range);
        for (const line of table.lines) add('places.hours', `${line.days} ${timesText(line)}`);
        add('places.hours.note', table.note);
      }
      add('places.hours.holidays', p.hours.holidays);
      add('places.hours.note', p.hours.note);
    } else if (several) {
      add('places.hours', sameHoursText(guideHasOwnHours));
    }
    if (p.phone) add('places.phone', phoneText(p.phone));
    add('places.note', p.note);
  }
  return facts;
}
