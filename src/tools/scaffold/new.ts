/**
 * `npm run new -- <kind> <target>`: which files a new unit, procedure,
 * member of staff, post, pledge or notice needs, where they go (the layout
 * in src/schemas/collections.ts), and writing them without ever replacing
 * an existing file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { COLLECTIONS, type CollectionLayout, type CollectionName } from '#schemas/collections.ts';
import { SLUG_PATTERN } from '#schemas/common.ts';
import { findPost } from '../import/staff-roster.ts';
import { readPosts } from '../import/staff-import.ts';
import { pinyinSlug, termSlug, toSlug } from '../import/slug.ts';
import { noticeTemplate, photoNote, pledgeTemplate, postTemplate, procedureTemplate, SCAFFOLD_KINDS, staffTemplate, unitTemplate, type ScaffoldKind } from './templates.ts';

/** A mistake in what was asked for, explained in Chinese. */
export class ScaffoldError extends Error {}

export interface ScaffoldOptions {
  contentDir: string;
  /** The name (or title) to put in the file instead of 待填写. */
  name?: string;
  /** For staff: the post, by file name or by name. */
  post?: string;
  /** YYYY-MM-DD: notices are dated today, pledges are for this year. */
  today: string;
}

export interface ScaffoldPlan {
  kind: ScaffoldKind;
  /** Files to create, relative to the content folder. */
  files: Array<{ path: string; text: string }>;
  /** Folders to create (with an empty .gitkeep so that Git keeps them). */
  dirs: string[];
  /** What to do next, one step a line. */
  next: string[];
}

const COLLECTION_OF: Record<ScaffoldKind, CollectionName> = {
  unit: 'units',
  procedure: 'procedures',
  staff: 'staff',
  post: 'posts',
  pledge: 'pledges',
  notice: 'notices',
};

/** The example a message suggests for each kind's target. */
const EXAMPLE_TARGET: Record<ScaffoldKind, string> = {
  unit: 'chuangkou',
  procedure: 'chuangkou/shenfenzheng-buling',
  staff: 'chuangkou/zhang-xiaoming',
  post: 'chuangkou/shouli',
  pledge: 'chuangkou/2026',
  notice: 'chunjie-fangjia',
};

export const USAGE = `用法：npm run new -- <类型> <位置> [--name 名称] [--content 内容文件夹]
  unit <单位>                  新建单位：units/<单位>/unit.yaml 和 procedures/ staff/ posts/ pledges/ evaluations/ 文件夹
  procedure <单位>/<事项>      新建办事指南：units/<单位>/procedures/<事项>.md
  staff <单位>/<姓名拼音>      新建工作人员：units/<单位>/staff/<姓名拼音>.yaml（也可以只写 <单位> 加 --name 张晓明）
  post <单位>/<岗位>           新建岗位职责：units/<单位>/posts/<岗位>.yaml
  pledge <单位>/<承诺>         新建服务承诺：units/<单位>/pledges/<承诺>.yaml
  notice <公告>                新建公告：notices/<公告>.md
文件名只能用小写英文字母、数字和短横线，例如 zhang-xiaoming；已有的文件不会被覆盖。
Usage: npm run new -- <unit|procedure|staff|post|pledge|notice> <target> [--name <name>] [--content <dir>]`;

/**
 * Why `slug` cannot be a file name, with a suggestion; nothing when it can.
 * A person's name is suggested as surname-given name (zhang-xiaoming),
 * anything else as one word without its generic ending (民政窗口 → minzheng).
 */
export function slugError(slug: string, what: string, person = false): string | undefined {
  if (SLUG_PATTERN.test(slug)) return undefined;
  const suggestion = /\p{Script=Han}/u.test(slug) ? (person ? pinyinSlug(slug) : termSlug(slug)) : toSlug(slug);
  return (
    `${what}“${slug}”不能用：文件名会成为网址的一部分，只能用小写英文字母、数字和短横线（-），不能有空格、大写字母和汉字` +
    (suggestion && suggestion !== slug ? `；可以写成 ${suggestion}` : '')
  );
}

function existing(contentDir: string, dir: string, stem: string, layout: CollectionLayout): string | undefined {
  return layout.extensions.map((ext) => `${dir}/${stem}.${ext}`).find((p) => existsSync(join(contentDir, p)));
}

function unitNames(contentDir: string): string[] {
  const dir = join(contentDir, 'units');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && (existsSync(join(dir, e.name, 'unit.yaml')) || existsSync(join(dir, e.name, 'unit.yml'))))
    .map((e) => e.name)
    .sort();
}

function unitName(contentDir: string, unit: string): string | undefined {
  try {
    const data = parseYaml(readFileSync(join(contentDir, 'units', unit, 'unit.yaml'), 'utf8')) as { name?: unknown } | null;
    return typeof data?.name === 'string' ? data.name : undefined;
  } catch {
    return undefined;
  }
}

/** What `npm run new -- <kind> <target>` would create. Throws a ScaffoldError for a bad request or an existing file. */
export function planNew(kind: string, target: string | undefined, options: ScaffoldOptions): ScaffoldPlan {
  if (!(SCAFFOLD_KINDS as readonly string[]).includes(kind)) {
    throw new ScaffoldError(`不认识的类型“${kind}”：可以新建 ${SCAFFOLD_KINDS.join('、')}`);
  }
  const k = kind as ScaffoldKind;
  const { contentDir } = options;
  const layout: CollectionLayout = COLLECTIONS[COLLECTION_OF[k]];
  const inUnit = layout.dir.includes('*');

  let unit: string | undefined;
  let slug: string | undefined;
  const parts = (target ?? '').split('/').filter((p) => p !== '');
  if (inUnit && k !== 'unit') {
    [unit, slug] = parts;
    if (parts.length > 2 || unit === undefined) throw new ScaffoldError(`要写成 单位/文件名，例如 npm run new -- ${k} ${EXAMPLE_TARGET[k]}`);
    if (slug === undefined) {
      if (options.name === undefined) throw new ScaffoldError(`要写成 单位/文件名，例如 npm run new -- ${k} ${EXAMPLE_TARGET[k]}`);
      slug = k === 'staff' ? pinyinSlug(options.name) : termSlug(options.name);
    }
  } else {
    if (parts.length !== 1) throw new ScaffoldError(`要写${k === 'unit' ? '单位文件夹名' : '文件名'}，例如 npm run new -- ${k} ${EXAMPLE_TARGET[k]}`);
    slug = parts[0] as string;
  }
  if (unit !== undefined) {
    const bad = slugError(unit, '单位文件夹名');
    if (bad) throw new ScaffoldError(bad);
    if (!unitNames(contentDir).includes(unit)) {
      const units = unitNames(contentDir);
      throw new ScaffoldError(
        `找不到单位 units/${unit}/unit.yaml（内容文件夹：${contentDir}）。` +
          (units.length > 0 ? `已有的单位：${units.join('、')}；` : '') +
          `新建单位：npm run new -- unit ${unit}`,
      );
    }
  }
  const bad = slugError(slug, k === 'unit' ? '单位文件夹名' : '文件名', k === 'staff');
  if (bad) throw new ScaffoldError(bad);

  const dir = layout.dir.replace('*', unit ?? slug);
  const stem = layout.name ?? slug;
  const already = existing(contentDir, dir, stem, layout);
  if (already) {
    throw new ScaffoldError(`已经有 ${already}，不会覆盖它：要改就直接编辑这个文件；要新建另一个，换一个文件名，例如 ${slug}-2`);
  }
  const path = `${dir}/${stem}.${layout.extensions[0]}`;
  const name = options.name;
  // A pledge named for a year (pledges/2027.yaml) is for that year.
  const year = k === 'pledge' && /^20\d\d$/.test(slug) ? Number(slug) : Number(options.today.slice(0, 4));
  const check = 'npm run check 检查内容，确认没有错误。';

  switch (k) {
    case 'unit': {
      const dirs = ['procedures', 'staff', 'posts', 'pledges', 'evaluations'].map((d) => `units/${slug}/${d}`);
      return {
        kind: k,
        files: [{ path, text: unitTemplate({ slug, ...(name ? { name } : {}) }) }],
        dirs,
        next: [
          `打开 ${path}，把“待填写”改成真实内容。`,
          `添加岗位：npm run new -- post ${slug}/<岗位拼音>，例如 ${slug}/shouli。`,
          `添加工作人员：npm run new -- staff ${slug}/<姓名拼音>，或从花名册导入：npm run import -- staff 花名册.xlsx --unit ${slug}。`,
          `添加办事指南：npm run new -- procedure ${slug}/<事项拼音>；服务承诺：npm run new -- pledge ${slug}/${year}。`,
          check,
        ],
      };
    }
    case 'staff': {
      const posts = readPosts(contentDir, unit as string);
      let post: string | undefined;
      if (options.post !== undefined) {
        post = findPost(options.post, posts)?.slug;
        if (!post) {
          throw new ScaffoldError(
            `找不到岗位“${options.post}”。` +
              (posts.length > 0
                ? `本单位的岗位有：${posts.map((p) => `${p.name}（${p.slug}）`).join('、')}`
                : `本单位还没有岗位，先用 npm run new -- post ${unit}/<岗位拼音> 添加`),
          );
        }
      }
      const photo = `${dir}/${slug}.jpg`;
      const hasPhoto = existsSync(join(contentDir, photo));
      const files = [{ path, text: staffTemplate({ unit: unit as string, slug, posts, hasPhoto, ...(name ? { name } : {}), ...(post ? { post } : {}) }) }];
      if (!hasPhoto) files.push({ path: `${dir}/${slug}.待补照片.txt`, text: photoNote({ unit: unit as string, slug, ...(name ? { name } : {}) }) });
      return {
        kind: k,
        files,
        dirs: [],
        next: [
          `打开 ${path}，把“待填写”改成真实内容${posts.length === 0 ? `；本单位还没有岗位，先用 npm run new -- post ${unit}/<岗位拼音> 添加，再改 post` : ''}。`,
          ...(hasPhoto
            ? []
            : [`把工作照放到 ${photo}，删掉 ${path} 里 photo 一行行首的“# ”，再删掉 ${dir}/${slug}.待补照片.txt。照片放好之前也可以发布，npm run check 会提醒还缺照片。`]),
          check,
        ],
      };
    }
    case 'procedure':
      return {
        kind: k,
        files: [{ path, text: procedureTemplate({ unit: unit as string, slug, ...(name ? { name } : {}) }) }],
        dirs: [],
        next: [
          `打开 ${path}，把“待填写”改成真实内容；时限、到现场次数和收费要按事项目录核实。`,
          '空白表格和样表放到本单位文件夹里（例如 forms/），再在 blankForm、sample 里写 ./forms/文件名。',
          check,
        ],
      };
    case 'post':
      return {
        kind: k,
        files: [{ path, text: postTemplate({ unit: unit as string, slug, ...(name ? { name } : {}) }) }],
        dirs: [],
        next: [`打开 ${path}，把“待填写”改成真实内容，投诉电话改成本单位的。`, `工作人员的 post 写 ${slug}，就会出现在这个岗位下。`, check],
      };
    case 'pledge': {
      const uName = unitName(contentDir, unit as string);
      return {
        kind: k,
        files: [{ path, text: pledgeTemplate({ unit: unit as string, slug, year, ...(uName ? { unitName: uName } : {}), ...(name ? { title: name } : {}) }) }],
        dirs: [],
        next: [`打开 ${path}，写上每一条承诺和完成时限；兑现后把兑现情况改成“已兑现”，并写佐证和确认日期。`, check],
      };
    }
    case 'notice':
      return {
        kind: k,
        files: [{ path, text: noticeTemplate({ slug, today: options.today, ...(name ? { title: name } : {}) }) }],
        dirs: [],
        next: [`打开 ${path}，写标题和正文；公示要写公示期（period），简报要写期号（issue）。`, check],
      };
  }
}

/**
 * Creates the planned folders and files. Files are opened with `wx`, so a
 * file that appeared since planning is not replaced: that is an error.
 * Returns the paths created, relative to the content folder.
 */
export function writeNew(plan: ScaffoldPlan, contentDir: string): string[] {
  const created: string[] = [];
  for (const file of plan.files) {
    mkdirSync(dirname(join(contentDir, file.path)), { recursive: true });
    try {
      writeFileSync(join(contentDir, file.path), file.text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ScaffoldError(`已经有 ${file.path}，不会覆盖它`);
      throw error;
    }
    created.push(file.path);
  }
  for (const dir of plan.dirs) {
    const abs = join(contentDir, dir);
    mkdirSync(abs, { recursive: true });
    if (readdirSync(abs).length === 0) {
      writeFileSync(join(abs, '.gitkeep'), '');
      created.push(`${dir}/`);
    }
  }
  return created;
}

/** What the command prints after writing. */
export function formatNew(plan: ScaffoldPlan, created: readonly string[]): string {
  return [...created.map((p) => `✓ 新建 ${p}`), '', '下一步：', ...plan.next.map((step, i) => `  ${i + 1}. ${step}`)].join('\n');
}
