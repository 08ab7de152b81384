/**
 * The privacy guard. Staff of a window unit are public servants, but only
 * what their post requires is published: identity numbers, private mobile
 * numbers, home addresses and the place a photo was taken must never reach
 * the site. The checker runs these rules over the whole content folder.
 *
 * Rules (every finding names the file, the line and column where the text
 * is written, the field, and shows the number masked: 3301**********123X,
 * 138****0000):
 *
 * 1. Identity numbers, anywhere (any field of any file, Markdown bodies):
 *    an 18-character number with a valid province, birth date and check
 *    character is an error; so is an old 15-digit number with a province
 *    (11–82) and a birth date in 1920–1999, except in the `licence` and
 *    `number` fields and after labels like 证书编号, 账号, 订单号 (15-digit
 *    medical licence numbers have the same shape). Full-width digits and
 *    groups joined by one separator (space, hyphen, dash, dot) are read as
 *    the number they write. Document numbers, credit codes, item codes,
 *    landlines, masked numbers, hotlines, amounts and dates do not match.
 * 2. Mobile numbers (an allocated 13x–19x prefix; full width, grouped 3-4-4
 *    or 4-3-4, after +86/0086/86-), anywhere: error, except
 *    - in a field declared for a published phone (src/schemas: a unit's or
 *      the site's `phone`, a guide's `phones`, a post's complaint phone, a
 *      phone-type supervision channel's `value`): the unit's official
 *      number, not reported;
 *    - in a staff record's `workPhone`, which marks a phone the unit issued
 *      for the post;
 *    but a named person's phone (a unit's `leader.phone`, `head.phone`) is
 *    an error: that field is for office phones. A duty mobile in free text
 *    ("有事请打 138…" in a notice or a pledge) is published only through
 *    the allow-list.
 * 3. Home addresses, anywhere, by their shape (./address.ts): an estate
 *    with a building and a room, a building with a stair (单元) and a room,
 *    a road number with a building or stair and a room, a village group and
 *    house number, a lane and house number, or an address said to be
 *    someone's home down to a house number (家住人民路 12 号). Office
 *    addresses (政务服务中心 3 号楼 201 室, 医院 5 号楼 3 楼 312 室, 2 楼
 *    3 号窗口) and talk of residence in general (户口簿住址与实际居住地址
 *    不一致的) are not reported.
 * 4. Photos: every image the content refers to (staff photos, floor plans,
 *    the site logo, screen images, images in Markdown) that records a GPS
 *    position: warning. Output images are stripped by the build regardless.
 *
 * The allow-list (site.yaml, `privacy.allow`) is for the rare legitimate
 * case, one entry per number, each with a reason that a reviewer can judge:
 *
 *   privacy:
 *     allow:
 *       - file: notices/2026-chunjie-zhiban.md    # path in the content folder
 *         field: body                             # optional; `body` for a Markdown body
 *         value: "139 0570 1234"                  # compared without spaces, hyphens, dots, full width
 *         reason: 春节值班手机，经单位办公室审批对外公布
 *
 * An entry that allows nothing is itself a warning, so the list does not
 * outlive the content it was written for.
 *
 * The same rules, in Chinese for the people who edit content, are in
 * content/README.md, section 隐私检查.
 */
export { privacyProblems, DELETE_OR_ALLOW, WORK_PHONE_FIELD } from './rules.ts';
export { gpsProblems, hasGpsLocation, exifBlock, photoReferences } from './gps.ts';
export { findIdentityNumbers, isIdentityNumber15, isIdentityNumber18, checkCharacter, maskIdentity, type Found, type FoundIdentity } from './identity.ts';
export { findMobiles, maskMobile } from './mobile.ts';
export { findHomeAddresses, findStatedHomeAddresses, maskAddress } from './address.ts';
export { AllowList, allowEntries, normaliseValue, type AllowEntry, type RuleContext } from './allow.ts';
