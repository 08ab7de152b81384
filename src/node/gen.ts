/**
 * `npm run gen`: writes a synthetic organisation (src/lib/gen/) to a folder,
 * with a distinct phone-sized photo for every member of staff.
 *
 * Photos start from a few dozen illustrated portraits (src/lib/portrait.ts),
 * drawn once; each person's photo is then cropped, tinted and scaled in
 * their own way (seeded by who they are), so no two photos share their
 * bytes and the photo step downstream can never skip one as a duplicate.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { generateOrganisationFiles, type GeneratedPerson } from '../lib/gen/organisation.ts';
import { hash32, Random } from '../lib/gen/random.ts';
import { renderPortrait } from '../lib/portrait.ts';

export interface GenerateRequest {
  units: number;
  outDir: string;
  seed?: string;
  /** Photo size, `WIDTHxHEIGHT`; default 1080x1440, a phone photo as a messaging app passes it on. */
  photoSize?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  units: number;
  files: number;
  photos: number;
  seconds: number;
}

export const DEFAULT_PHOTO_SIZE = '1080x1440';

/** `1080x1440` → [1080, 1440]; undefined when it is not that form or out of range. */
export function parsePhotoSize(text: string): [number, number] | undefined {
  const match = /^(\d{2,4})x(\d{2,4})$/.exec(text.trim());
  if (!match) return undefined;
  const [w, h] = [Number(match[1]), Number(match[2])];
  return w >= 64 && h >= 64 && w <= 6000 && h <= 8000 ? [w, h] : undefined;
}

const BASE_WIDTH = 300;
const BASE_HEIGHT = 400;
/** Portrait variants per attire and presentation: enough that faces vary across a unit. */
const VARIANTS = 6;

type Raw = { data: Buffer; info: OutputInfo };

export async function generateOrganisation(request: GenerateRequest): Promise<GenerateResult> {
  const started = performance.now();
  const seed = request.seed ?? 'siliang';
  const size = parsePhotoSize(request.photoSize ?? DEFAULT_PHOTO_SIZE);
  if (!size) throw new Error(`照片尺寸要写成 宽x高，例如 1080x1440（收到“${request.photoSize}”）`);
  const [width, height] = size;
  const org = generateOrganisationFiles({ units: request.units, seed });

  for (const file of org.files) {
    await mkdir(dirname(join(request.outDir, file.path)), { recursive: true });
    await writeFile(join(request.outDir, file.path), file.text);
  }

  const bases = new Map<string, Promise<Raw>>();
  const base = (p: GeneratedPerson) => {
    const key = `${p.attire}/${p.presentation}/${hash32(p.seed) % VARIANTS}`;
    let found = bases.get(key);
    if (!found) {
      found = renderPortrait({ seed: key, attire: p.attire, presentation: p.presentation, width: BASE_WIDTH, height: BASE_HEIGHT, format: 'png' }).then((png) => sharp(png).raw().toBuffer({ resolveWithObject: true }));
      bases.set(key, found);
    }
    return found;
  };

  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < org.people.length) {
      const person = org.people[next++] as GeneratedPerson;
      const { data, info } = await base(person);
      const rng = new Random(`photo/${person.seed}`);
      // A slightly different framing and colour cast per person, as two phones in two rooms would give.
      const cropW = Math.round(info.width * rng.range(0.9, 0.98));
      const cropH = Math.round((cropW * height) / width);
      const left = rng.int(0, info.width - cropW);
      const top = rng.int(0, Math.max(0, info.height - Math.min(info.height, cropH)));
      const bytes = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
        .extract({ left, top, width: cropW, height: Math.min(info.height - top, cropH) })
        .linear([rng.range(0.92, 1.06), rng.range(0.94, 1.05), rng.range(0.92, 1.08)], [rng.int(-8, 8), rng.int(-6, 6), rng.int(-8, 8)])
        .resize(width, height, { fit: 'cover' })
        .jpeg({ quality: 88 })
        .toBuffer();
      await writeFile(join(request.outDir, person.photo), bytes);
      done += 1;
      if (done % 500 === 0) request.onProgress?.(done, org.people.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism() * 2) }, worker));
  request.onProgress?.(done, org.people.length);
  return { units: org.units.length, files: org.files.length + org.people.length, photos: org.people.length, seconds: (performance.now() - started) / 1000 };
}
