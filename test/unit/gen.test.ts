/**
 * The synthetic organisation for benchmarks (npm run gen): valid content,
 * the same bytes for the same seed, a distinct photo for everyone, and text
 * varied enough that a search index or page-weight figure built on it means
 * something.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { generateOrganisationFiles } from '#tools/gen/organisation.ts';
import { generateOrganisation, parsePhotoSize } from '#node/gen.ts';

let work: string;
const hashes = async (dir: string) => {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Object.fromEntries(
    await Promise.all(
      files.map(
        async (f) =>
          [
            f.slice(dir.length),
            createHash('sha1')
              .update(await readFile(f))
              .digest('hex'),
          ] as const,
      ),
    ),
  );
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'siliang-gen-'));
  await generateOrganisation({ units: 12, outDir: join(work, 'a'), photoSize: '120x160' });
  await generateOrganisation({ units: 12, outDir: join(work, 'b'), photoSize: '120x160' });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('npm run gen', () => {
  it('writes content the checker accepts without an error or a warning, on the bench clock', () => {
    const { problems, files } = checkContent(join(work, 'a'), { today: '2026-11-22' });
    expect(problems).toEqual([]);
    expect(files).toBeGreaterThan(12 * 25);
  });

  it('gives every unit about ten procedures, ten staff with a photo each, posts, pledges and an evaluation', async () => {
    const units = await readdir(join(work, 'a', 'units'));
    expect(units).toHaveLength(12);
    for (const unit of units) {
      const list = (folder: string) => readdir(join(work, 'a', 'units', unit, folder));
      expect((await list('procedures')).filter((f) => f.endsWith('.md')).length).toBe(10);
      const staff = await list('staff');
      expect(staff.filter((f) => f.endsWith('.yaml'))).toHaveLength(10);
      expect(staff.filter((f) => f.endsWith('.jpg'))).toHaveLength(10);
      expect((await list('posts')).length).toBeGreaterThanOrEqual(3);
      expect((await list('pledges')).length).toBe(3);
      expect((await list('evaluations')).length).toBe(1);
    }
  });

  it('writes the same bytes for the same seed, and other text for another seed', async () => {
    expect(await hashes(join(work, 'b'))).toEqual(await hashes(join(work, 'a')));
    const other = generateOrganisationFiles({ units: 12, seed: 'another' });
    const same = generateOrganisationFiles({ units: 12 });
    expect(other.files.map((f) => f.text)).not.toEqual(same.files.map((f) => f.text));
  });

  it('keeps unit i the same whatever the number of units', () => {
    const small = generateOrganisationFiles({ units: 12 }).files.filter((f) => f.path.startsWith('units/'));
    const large = new Map(generateOrganisationFiles({ units: 40 }).files.map((f) => [f.path, f.text]));
    for (const f of small) expect(large.get(f.path), f.path).toBe(f.text);
  });

  it('gives each person a photo of their own, at the size asked for', async () => {
    const photos = (await readdir(join(work, 'a', 'units'), { recursive: true })).filter((f) => f.endsWith('.jpg'));
    expect(photos).toHaveLength(120);
    const digests = new Set<string>();
    for (const p of photos) {
      const bytes = await readFile(join(work, 'a', 'units', p));
      digests.add(createHash('sha1').update(bytes).digest('hex'));
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 120, 160]);
    }
    expect(digests.size).toBe(120);
  });

  it('gives every unit its own folder, even where two county names sound the same', () => {
    const org = generateOrganisationFiles({ units: 3500 });
    expect(new Set(org.units).size).toBe(3500);
    expect(new Set(org.files.map((f) => f.path)).size).toBe(org.files.length);
    expect(new Set(org.people.map((p) => p.photo)).size).toBe(35_000);
    // A province's text takes a few seconds to put together.
  });

  it('uses varied wording: many procedure titles, many characters, many different names', () => {
    const org = generateOrganisationFiles({ units: 40 });
    const titles = new Set(org.files.filter((f) => f.path.includes('/procedures/')).map((f) => /\nname: (.*)\n/.exec(f.text)?.[1]));
    const characters = new Set([...org.files.map((f) => f.text).join('')].filter((c) => /\p{Script=Han}/u.test(c)));
    const names = new Set(org.files.filter((f) => f.path.includes('/staff/')).map((f) => /^name: (.*)$/m.exec(f.text)?.[1]));
    expect(titles.size).toBeGreaterThanOrEqual(60);
    expect(characters.size).toBeGreaterThanOrEqual(900);
    expect(names.size).toBeGreaterThanOrEqual(380);
  });

  it('gives every unit the forms real guides take: applicants, any one of, waiting, exception, limits per applicant, labelled phones, seasons', () => {
    const org = generateOrganisationFiles({ units: 12 });
    const guidesOf = (unit: string) => org.files.filter((f) => f.path.startsWith(`units/${unit}/procedures/`)).map((f) => f.text);
    for (const unit of org.units) {
      const guides = guidesOf(unit);
      for (const form of ['applicants:', 'anyOf:', 'waiting:', 'exception:', ' 转 ', 'seasons:'])
        expect(
          guides.some((g) => g.includes(form)),
          `${unit} ${form}`,
        ).toBe(true);
      // A share, not all of them.
      expect(guides.filter((g) => g.includes('seasons:')).length).toBeLessThan(guides.length);
    }
    // A limit per applicant needs a statutory limit in days: the vaccination clinic's guides are done on the spot, so it has none.
    expect(org.units.filter((u) => guidesOf(u).some((g) => g.includes('byApplicant:')))).toHaveLength(11);
    const of = (folder: string) => org.files.filter((f) => f.path.includes(`/${folder}/`)).map((f) => f.text);
    expect(of('pledges').filter((t) => /deadline: 长期/.test(t)).length).toBe(6);
    expect(of('evaluations').filter((t) => /^goodRate: /m.test(t)).length).toBe(4);
  });

  it('reads photo sizes written as WIDTHxHEIGHT and refuses anything else', () => {
    expect(parsePhotoSize('1080x1440')).toEqual([1080, 1440]);
    expect(parsePhotoSize('1080*1440')).toBeUndefined();
    expect(parsePhotoSize('10x10')).toBeUndefined();
  });
});
