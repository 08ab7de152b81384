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
 *    and a birth date in 1920–1999, except in the `licence` and `number`
 *    fields and after labels like 证书编号, 账号, 订单号 (15-digit medical
 *    licence numbers have the same shape). Document numbers, credit codes,
 *    landlines, masked numbers, hotlines, amounts and dates do not match.
 * 2. Mobile numbers:
 *    - in a staff record (`units/<unit>/staff/*.yaml`), any field: error,
 *      unless it is in the `workPhone` field, which marks a phone the unit
 *      issued for the post;
 *    - in the phone of a named person elsewhere (a unit's `leader.phone`,
 *      `head.phone`): error, that field is for office phones;
 *    - in free text elsewhere (notes, Markdown bodies) next to a staff name
 *      or a word like 联系人, 先生, 女士, 老师: error, it reads as a person's
 *      own phone;
 *    - otherwise (a unit's or the site's phone, a supervision channel, a
 *      duty mobile in a notice): warning, asking to confirm it is a work
 *      phone and to record it in the allow-list.
 * 3. Home addresses: in staff records (a building and room, a village
 *    group and house number, 家住…): error; in notices and service guides,
 *    only an address said to be someone's home down to a house number
 *    (家住人民路 12 号, 家庭住址：…3 栋 501 室): error. Office addresses
 *    (a guide's `place`, 3 号楼 201 室) and talk of residence in general
 *    (户口簿住址与实际居住地址不一致的) are not reported.
 * 4. Photos: every image the content refers to (staff photos, floor plans,
 *    the site logo, screen images, images in Markdown) that records a GPS
 *    position: warning. Output images are stripped by the build regardless.
 *
 * The allow-list (site.yaml, `privacy.allow`) is for the rare legitimate
 * case, one entry per number, each with a reason that a reviewer can judge:
 *
 *   privacy:
 *     allow:
 *       - file: units/jiezhong/unit.yaml          # path in the content folder
 *         field: supervision.channels[0].value    # optional; `body` for a Markdown body
 *         value: "139 0570 1234"                  # compared without spaces and hyphens
 *         reason: 接种门诊夜间值班手机，经单位办公室审批对外公布
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
