/**
 * The privacy guard's content rule: identity numbers, private mobile numbers
 * and home addresses in the content folder, each reported at the line and
 * column where it is written, with the number masked. See ./index.ts for the
 * rules in words.
 */
import { fieldPath, type Problem } from '../content/problem.ts';
import { isEntryOf, type CheckedEntry, type RuleContext } from '../content/entry.ts';
import { bodyPositions, occurrenceAt, positionInValue } from '../markdown/body.ts';
import type { Position } from '../content/source.ts';
import { findHomeAddresses, maskAddress } from './address.ts';
import { AllowList, allowEntries, unusedAllowProblems } from './allow.ts';
import { fieldTitle, isPhoneField } from './fields.ts';
import { findIdentityNumbers, isIdentityNumber15, isIdentityNumber18, maskIdentity, type Found } from './identity.ts';
import { findMobiles, maskMobile } from './mobile.ts';

export const DELETE_OR_ALLOW = '删除；确需公开的，在 site.yaml 的 privacy.allow 里登记并写明原因';

/** Fields whose 15-digit values are licence or staff numbers by definition (执业证书编码 has the shape of an old ID). */
const CODE_FIELDS = new Set(['licence', 'number']);
/**
 * The staff field for a phone the unit issued for the post, where a mobile
 * is not a privacy problem (src/schemas/staff.ts; the rules for editors are
 * in content/README.md, section 隐私检查).
 */
export const WORK_PHONE_FIELD = 'workPhone';
/** Words that say a person is meant, near a number in free text. */
const PERSON_WORDS = /联系人|先生|女士|老师|同志|师傅|经办人|本人|家属|私人|个人手机|其手机|手机号码/;

type Kind = 'id18' | 'id15' | 'mobile' | 'address';

interface Place {
  entry: CheckedEntry;
  /** Field path; undefined for the Markdown body. */
  path?: readonly PropertyKey[];
  /** Where in the file a match at `index` of `text` is. */
  position(text: string, index: number, match: string): Position | undefined;
}

/** Every string (and number, as written) in parsed YAML, with its path. */
function* strings(value: unknown, path: PropertyKey[], raw: (path: readonly PropertyKey[]) => string | undefined): Generator<[PropertyKey[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (typeof value === 'number' || typeof value === 'bigint') yield [path, raw(path) ?? String(value)];
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i], raw);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, v] of Object.entries(value)) yield* strings(v, [...path, key], raw);
  }
}

const lastKey = (path: readonly PropertyKey[] | undefined) => [...(path ?? [])].reverse().find((seg): seg is string => typeof seg === 'string');

const isObject = (value: unknown): value is Record<PropertyKey, unknown> => value !== null && typeof value === 'object';

/** The object that holds the field at `path` (for `leader.phone`, the leader), in the file as written. */
function parentOf(data: unknown, path: readonly PropertyKey[]): Record<PropertyKey, unknown> | undefined {
  let node: unknown = data;
  for (const seg of path.slice(0, -1)) {
    if (!isObject(node)) return undefined;
    node = node[seg];
  }
  return isObject(node) && !Array.isArray(node) ? node : undefined;
}

function mentionsPerson(text: string, start: number, end: number, names: readonly string[]): boolean {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  const around = text.slice(Math.max(lineStart, start - 24), Math.min(lineEnd === -1 ? text.length : lineEnd, end + 24));
  return PERSON_WORDS.test(around) || names.some((name) => around.includes(name));
}

/** Privacy problems in the content: see the rules in ./index.ts. */
export function privacyProblems(entries: readonly CheckedEntry[], ctx: RuleContext): Problem[] {
  const allow = new AllowList(allowEntries(entries, ctx));
  const problems: Problem[] = [];
  const staffNames = entries
    .filter(isEntryOf('staff'))
    .map((e) => e.data.name)
    .filter((n) => [...n].length >= 2);

  const report = (place: Place, text: string, found: Found, kind: Kind, severity: Problem['severity'], message: string, fix: string) => {
    const field = place.path ? fieldPath(place.path) : undefined;
    if (allow.allows({ file: place.entry.file, field, text: found.text })) return;
    const position = place.position(text, found.start, found.text);
    const title = place.path ? fieldTitle(place.entry.collection, place.path) : '正文';
    problems.push({
      severity,
      kind: kind === 'mobile' ? 'privacy-mobile' : `privacy-${kind === 'id18' ? 'id-number' : kind === 'id15' ? 'old-id-number' : 'home-address'}`,
      file: place.entry.file,
      ...(position ? { line: position.line, column: position.column } : {}),
      ...(field ? { field } : {}),
      ...(title ? { fieldTitle: title } : {}),
      message,
      fix,
    });
  };

  const scan = (place: Place, text: string) => {
    const { entry, path } = place;
    const staff = entry.collection === 'staff';
    const key = lastKey(path);
    const where = path ? '这里' : '正文里';

    const ids = findIdentityNumbers(text, { today: ctx.today, oldNumbers: !(key && CODE_FIELDS.has(key)) });
    for (const id of ids) {
      const old = id.kind === 'id15';
      report(
        place,
        text,
        id,
        id.kind,
        'error',
        old
          ? `${where}有一个像是旧式 15 位居民身份证号的数字（${maskIdentity(id.text)}），身份证号属于个人隐私，不能公开`
          : `${where}写了一个居民身份证号（${maskIdentity(id.text)}），身份证号属于个人隐私，不能公开`,
        DELETE_OR_ALLOW,
      );
    }

    for (const mobile of findMobiles(text)) {
      if (ids.some((id) => mobile.start < id.end && id.start < mobile.end)) continue;
      const masked = maskMobile(mobile.text);
      if (staff) {
        if (key === WORK_PHONE_FIELD) continue; // marked as a work phone
        report(
          place,
          text,
          mobile,
          'mobile',
          'error',
          `工作人员信息里有手机号（${masked}），私人手机号不能公开`,
          `删除；如果这是单位配发的工作手机，写在 ${WORK_PHONE_FIELD}（工作电话）字段里；确需在这里公开的，在 site.yaml 的 privacy.allow 里登记并写明原因`,
        );
        continue;
      }
      const holder = path ? parentOf(entry.source.data ?? entry.data, path) : undefined;
      const personField = holder !== undefined && typeof holder['name'] === 'string' && 'position' in holder;
      if (personField) {
        report(
          place,
          text,
          mobile,
          'mobile',
          'error',
          `${String(holder['name'])}的电话写了手机号（${masked}），这里只能写办公电话，私人手机号不能公开`,
          `改成办公电话；确需公开的工作手机，在 site.yaml 的 privacy.allow 里登记并写明原因`,
        );
      } else if (path && isPhoneField(entry.collection, path, holder)) {
        // A unit's, a guide's or the site's declared phone, or a phone channel: the number it publishes.
        continue;
      } else {
        const person = mentionsPerson(text, mobile.start, mobile.end, staffNames);
        report(
          place,
          text,
          mobile,
          'mobile',
          'error',
          person ? `${where}有一个手机号（${masked}），旁边写着人名或联系人，像是个人手机，不能公开` : `${where}有一个手机号（${masked}），私人手机号不能公开`,
          `改成单位的办公电话或服务热线；单位对外公布的工作手机，写在电话字段里（单位的 phone、办事指南的 phones、监督渠道），或在 site.yaml 的 privacy.allow 里登记并写明原因`,
        );
      }
    }

    for (const address of findHomeAddresses(text)) {
      if (staff) {
        report(place, text, address, 'address', 'error', `工作人员信息里像是写了家庭住址（${maskAddress(address.text)}），住址属于个人隐私，不能公开`, DELETE_OR_ALLOW);
      } else {
        report(
          place,
          text,
          address,
          'address',
          'error',
          `${where}写了个人的家庭住址（${maskAddress(address.text)}），住址属于个人隐私，不能公开`,
          `删除门牌号，最多写到乡镇、村或社区；${DELETE_OR_ALLOW}`,
        );
      }
    }
  };

  for (const entry of entries) {
    const source = entry.source;
    const data = source.data ?? entry.data;
    for (const [path, value] of strings(data, [], (p) => source.rawText(p))) {
      // The allow-list itself names the numbers it allows.
      if (entry.collection === 'site' && path[0] === 'privacy') continue;
      scan(
        {
          entry,
          path,
          position: (text, index, match) => positionInValue(source, path, match, occurrenceAt(text, match, index)),
        },
        value,
      );
    }
    if (entry.body !== undefined && entry.body.trim() !== '') {
      const toFile = bodyPositions(entry, ctx.contentDir);
      scan({ entry, position: (_text, index) => toFile?.(index) }, entry.body);
    }
  }

  problems.push(
    ...unusedAllowProblems(allow, entries, (value) => {
      if (isIdentityNumber18(value, ctx.today) || isIdentityNumber15(value, ctx.today)) return maskIdentity(value);
      if (findMobiles(value).length === 1) return maskMobile(value);
      return value;
    }),
  );
  return problems;
}
