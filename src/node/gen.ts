/**
 * `npm run gen`: writes a synthetic organisation (src/tools/gen/) to a folder,
 * with a distinct phone-sized photo for every member of staff.
 *
 * Photos start from a few dozen illustrated portraits (src/tools/portrait.ts),
 * drawn and enlarged once; each person's photo is a seeded window of one,
 * with a small square in the corner coloured by the person's number, so no
 * two photos share their bytes and the photo step downstream can never
 * skip one as a duplicate.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { generateOrganisationFiles, type GeneratedPerson } from '#tools/gen/organisation.ts';
import { Random } from '#tools/gen/random.ts';
import { hash128 } from '#tools/hash.ts';
import { renderPortrait } from '#tools/portrait.ts';

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

/** A 16×16 square at (x, 8) whose colour spells 12 bits, 4 per channel, in steps wide enough to survive JPEG. */
function stamp(pixels: Buffer, width: number, channels: number, x: number, bits: number): void {
  const colour = [40 + (bits & 15) * 12, 40 + ((bits >> 4) & 15) * 12, 40 + ((bits >> 8) & 15) * 12];
  for (let y = 8; y < 24; y++) {
    for (let dx = 0; dx < 16; dx++) {
      const at = (y * width + x + dx) * channels;
      for (let c = 0; c < 3; c++) pixels[at + c] = colour[c] as number;
    }
  }
}

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

  // Each portrait variant is drawn once and enlarged once, to a little more
  // than the photo size; a person's photo is then a seeded window of it with
  // a seeded colour cast, which needs no resizing: the JPEG encoding is the
  // only real cost, and 35,000 photos take minutes rather than an hour.
  const [bigWidth, bigHeight] = [Math.round(width * 1.04), Math.round(height * 1.04)];
  const bases = new Map<string, Promise<Raw>>();
  const base = (p: GeneratedPerson) => {
    // The first word of the seed's 128-bit hash, as the generator has always
    // picked: another hash would give existing seeds other photos.
    const key = `${p.attire}/${p.presentation}/${hash128(p.seed)[0] % VARIANTS}`;
    let found = bases.get(key);
    if (!found) {
      found = renderPortrait({ seed: key, attire: p.attire, presentation: p.presentation, width: BASE_WIDTH, height: BASE_HEIGHT, format: 'png' }).then((png) =>
        sharp(png).resize(bigWidth, bigHeight, { fit: 'cover' }).removeAlpha().raw().toBuffer({ resolveWithObject: true }),
      );
      bases.set(key, found);
    }
    return found;
  };

  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < org.people.length) {
      const index = next++;
      const person = org.people[index] as GeneratedPerson;
      const { data, info } = await base(person);
      const rng = new Random(`photo/${person.seed}`);
      // A slightly different framing per person, as two phones in two rooms would give: cut in plain
      // JavaScript, since any per-pixel operation in sharp would double the time of the encoding.
      const [left, top, channels] = [rng.int(0, info.width - width), rng.int(0, info.height - height), info.channels];
      const pixels = Buffer.allocUnsafe(width * height * channels);
      for (let y = 0; y < height; y++) {
        const from = ((top + y) * info.width + left) * channels;
        data.copy(pixels, y * width * channels, from, from + width * channels);
      }
      // And a small square in the corner coloured by the person's number, which no lossy
      // encoding can merge with another's, so the photo step never sees two photos as one.
      stamp(pixels, width, channels, 8, index & 0xfff);
      stamp(pixels, width, channels, 32, (index >> 12) & 0xfff);
      const bytes = await sharp(pixels, { raw: { width, height, channels } }).jpeg({ quality: 88 }).toBuffer();
      await writeFile(join(request.outDir, person.photo), bytes);
      done += 1;
      if (done % 500 === 0) request.onProgress?.(done, org.people.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism() * 2) }, worker));
  request.onProgress?.(done, org.people.length);
  return { units: org.units.length, files: org.files.length + org.people.length, photos: org.people.length, seconds: (performance.now() - started) / 1000 };
}
