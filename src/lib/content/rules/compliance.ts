/**
 * The checks an inspector makes on a service guide (办事指南) that no single
 * file's schema can make: whether a citizen reading it knows where to go and
 * whom to complain to. A guide's schema already requires its conditions,
 * materials, steps, time limits, fee and legal basis, refuses a fee of 无 and
 * a promised limit longer than the statutory one, and checks every phone
 * number; opening hours and the consultation phone always resolve, since
 * site.yaml requires both.
 */
import { checkPhone, checkPhones } from '../../phone.ts';
import { fieldTitle, isPhoneField } from '../../privacy/fields.ts';
import { complaintPhone, resolveChannels } from '../../supervision.ts';
import { isEntryOf, type CheckedData, type CheckedEntry, type Rule, type RuleContext } from '../entry.ts';
import { fieldPath, type Problem } from '../problem.ts';

function at(entry: CheckedEntry, path: PropertyKey[], problem: Omit<Problem, 'file' | 'line' | 'column'>): Problem {
  const { position } = entry.source.locate(path, 'key');
  return { ...problem, file: entry.file, line: position.line, column: position.column };
}

/** A guide's own complaint phone: `phones.complaint`, or a labelled phone for 投诉 or 监督. */
function hasOwnComplaintPhone(phones: CheckedData<'procedures'>['phones']): boolean {
  if (Array.isArray(phones)) return phones.some((p) => /投诉|监督/.test(p.label));
  return phones?.complaint !== undefined;
}

/**
 * Every service guide must print a supervision and complaint phone
 * (监督投诉电话): its own `phones.complaint`, or a complaint phone,
 * supervision phone or hotline among its unit's channels (which include the
 * site's unless the unit replaces them). Mailboxes and web forms are not
 * enough on their own: the guide has a line for a phone number. Reported
 * once per unit, at its unit.yaml, naming the guides concerned.
 */
export const complaintChannelRule: Rule = (entries, ctx) => {
  const site = ctx.site;
  if (!site) return [];
  const problems: Problem[] = [];
  const procedures = entries.filter(isEntryOf('procedures'));
  for (const unit of entries.filter(isEntryOf('units'))) {
    const data = unit.data;
    if (complaintPhone(resolveChannels(site.supervision, data.supervision))) continue;
    const without = procedures.filter((e) => e.unit === unit.id && !hasOwnComplaintPhone(e.data.phones));
    if (without.length === 0) continue;
    const names = without.map((e) => `“${e.data.name}”`).join('、');
    const replaced = data.supervision?.mode === 'replace';
    problems.push(
      at(unit, data.supervision ? ['supervision', 'channels'] : ['name'], {
        severity: 'error',
        kind: 'no-complaint-channel',
        ...(data.supervision ? { field: 'supervision.channels', fieldTitle: '监督渠道' } : {}),
        message: `办事事项${names}没有监督投诉电话：${replaced ? '本单位替换了网站的监督渠道，' : '本单位和网站的监督渠道里'}没有投诉电话、监督电话或服务热线`,
        // The example number takes the site's own area code, never the example county's.
        fix: `在 units/${unit.id}/unit.yaml 的 supervision.channels 里加一项\n  - type: 投诉电话\n    value: "${site.areaCode ?? '区号'}-6012 3012"\n或在每个事项的 phones.complaint 里写上投诉电话`,
      }),
    );
  }
  return problems;
};

type Location = Partial<Record<'building' | 'floor' | 'address' | 'windows', unknown>>;

/** The `location` of a unit.yaml that failed its schema, as written, when it can be read as one. */
function writtenLocation(data: unknown): Location | undefined {
  if (data === null || typeof data !== 'object' || !('location' in data)) return {};
  const location = (data as { location: unknown }).location;
  // A location written in some other form is that file's own error; whether it names a place cannot be told.
  return location !== null && typeof location === 'object' && !Array.isArray(location) ? (location as Location) : undefined;
}

const names = (value: unknown) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null);

/**
 * Every service guide a citizen must go somewhere for must say where
 * (办理地点): its own `place`, or its unit's building, floor, windows or
 * address. Without any, the page would show only the unit's name. A guide
 * done entirely online (`visits: 0`) is not asked. A unit.yaml that failed
 * its schema is read as written, so that a guide without a place is
 * reported in the same run as the unit's own error.
 */
export const placeRule: Rule = (entries, ctx) => {
  const units = new Map<string, Location | undefined>(entries.filter(isEntryOf('units')).map((e) => [e.id, e.data.location ?? {}]));
  for (const [file, data] of ctx.rejected ?? []) {
    const unit = /^units\/([^/]+)\/unit\.ya?ml$/.exec(file)?.[1];
    if (unit && !units.has(unit)) units.set(unit, writtenLocation(data));
  }
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'procedures' || !entry.unit) continue;
    const data = entry.data;
    if (data.place || data.places || data.visits === 0) continue;
    // No unit.yaml, or one that could not be read: that is reported on its own, and where the unit is cannot be told.
    if (!units.has(entry.unit)) continue;
    const location = units.get(entry.unit);
    if (!location || names(location.building) || names(location.floor) || names(location.address) || names(location.windows)) continue;
    problems.push(
      at(entry, ['place'], {
        severity: 'error',
        kind: 'no-place',
        field: 'place',
        fieldTitle: '办理地点',
        message: `没有写办理地点：事项没有 place，units/${entry.unit}/unit.yaml 的 location 里也没有地址、楼栋、楼层或窗口号`,
        fix: `加一行 place: 县政务服务中心一楼 3 号窗口；或在 unit.yaml 的 location 里写上楼栋和楼层`,
      }),
    );
  }
  return problems;
};

/** site.yaml's area code: from the checked file, or, when site.yaml failed its schema for another reason, as written there. */
function siteAreaCode(ctx: RuleContext): string | undefined {
  if (ctx.site) return ctx.site.areaCode;
  const written = ctx.rejected?.get('site.yaml') ?? ctx.rejected?.get('site.yml');
  const code = written !== null && typeof written === 'object' && 'areaCode' in written ? (written as { areaCode: unknown }).areaCode : undefined;
  return typeof code === 'string' && /^0\d{2,3}$/.test(code.trim()) ? code.trim() : undefined;
}

/**
 * A landline written without its area code ("2342699", as many real pages
 * print it) is accepted by the schemas, and dialled and shown with
 * site.yaml's `areaCode`. Without one, the number cannot be dialled from
 * outside the county: an error at the number, saying both ways to fix it,
 * with a neutral 区号 in the example (the example county's 0570 would be
 * copied as it stands). With one, the number must make a whole number with
 * it (a 010 or 02X area takes eight digits), and the fix names the site's own
 * area code.
 */
export const localPhoneRule: Rule = (entries, ctx) => {
  const areaCode = siteAreaCode(ctx);
  const problems: Problem[] = [];
  for (const entry of entries) {
    const report = (path: PropertyKey[], message: string, fix: string) => {
      const { position } = entry.source.locate(path, 'value');
      const title = fieldTitle(entry.collection, path);
      problems.push({
        file: entry.file,
        line: position.line,
        column: position.column,
        severity: 'error',
        kind: 'phone-local',
        field: fieldPath(path),
        ...(title ? { fieldTitle: title } : {}),
        message,
        fix,
      });
    };
    const visit = (value: unknown, path: PropertyKey[], holder: Record<string, unknown> | undefined) => {
      if (typeof value === 'string') {
        if (!isPhoneField(entry.collection, path, holder)) return;
        const strict = checkPhones(value);
        const local = checkPhones(value, { allowLocal: true });
        if (strict.ok || !local.ok) return;
        if (!areaCode) {
          report(path, strict.message, `${strict.fix}；或者在 site.yaml 里写上本地区号（areaCode，加英文引号），不带区号的号码就按这个区号显示和拨打`);
          return;
        }
        for (const phone of local.phones) {
          if (!phone.local) continue;
          const whole = checkPhone(`${areaCode}-${phone.number}`);
          if (whole.ok) continue;
          report(path, `“${phone.number}”没有写区号，按本站的区号 ${areaCode} 拨打是 ${areaCode}-${phone.number}：${whole.message}`, `${whole.fix}；是外地的号码的，在前面写上它自己的区号`);
          return;
        }
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => visit(v, [...path, i], holder));
      } else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) visit(v, [...path, key], value as Record<string, unknown>);
      }
    };
    visit(entry.data, [], undefined);
  }
  return problems;
};

export const complianceRules: readonly Rule[] = [complaintChannelRule, placeRule, localPhoneRule];
