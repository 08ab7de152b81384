/**
 * Deterministic illustrated staff portraits.
 *
 * Draws a flat, friendly head-and-shoulders "work-badge photo" as SVG from a
 * seed string, and rasterises it with sharp. No real people and no external
 * images are involved: every picture is a handful of vector shapes whose
 * proportions and colours come from a seeded PRNG, so the same options always
 * give byte-identical output.
 *
 * Design notes
 * - Everything is drawn in a fixed 600×800 design space (3:4, like a Chinese
 *   ID photo). Other output sizes scale that space; if the aspect ratio
 *   differs, the figure stays centred and the backdrop and clothing extend to
 *   fill the frame.
 * - Each facial feature draws from its own random stream (seed + feature
 *   name), so changing one option (say, `presentation`) only changes the parts
 *   that depend on it instead of reshuffling the whole face.
 * - No filters, blurs, masks or text: a 600×800 JPEG takes about 15 ms to
 *   render on one core (sharp/librsvg), the SVG itself well under 1 ms.
 */
import sharp from 'sharp';
import { hash32 } from './hash.ts';

export type Attire = 'white-coat' | 'nurse' | 'suit' | 'shirt' | 'police';
export type Presentation = 'f' | 'm';
export type PortraitBackground = 'blue' | 'white' | 'grey';

export const ATTIRES: readonly Attire[] = ['white-coat', 'nurse', 'suit', 'shirt', 'police'];
export const PRESENTATIONS: readonly Presentation[] = ['f', 'm'];
export const PORTRAIT_BACKGROUNDS: readonly PortraitBackground[] = ['blue', 'white', 'grey'];

export interface PortraitOptions {
  /** Any string; the same seed always yields the same picture. */
  seed: string;
  attire: Attire;
  /**
   * 'f' | 'm'; picks hair styles typical of each. Default derived from seed
   * (about half and half; about four in five for nurses).
   */
  presentation?: Presentation;
  /** Output width in pixels, default 600. */
  width?: number;
  /** Output height in pixels, default 800 (3:4 portrait, like a Chinese work-badge photo). */
  height?: number;
  /** Default derived from seed; blue = the usual light-blue ID-photo backdrop. */
  background?: PortraitBackground;
}

export interface RenderPortraitOptions extends PortraitOptions {
  /** Default 'jpeg'. */
  format?: 'jpeg' | 'png';
  /** JPEG quality 1–100, default 82. Ignored for PNG. */
  quality?: number;
}

export const DEFAULT_PORTRAIT_WIDTH = 600;
export const DEFAULT_PORTRAIT_HEIGHT = 800;
export const DEFAULT_JPEG_QUALITY = 82;
/** Largest accepted edge, to keep a typo from allocating gigabytes. */
export const MAX_PORTRAIT_EDGE = 6000;

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/** mulberry32: tiny, fast, good enough for picking shapes and colours. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

function makeRng(seed: string, stream: string): Rng {
  const next = mulberry32(hash32(`${seed}\u0000${stream}`));
  const range = (min: number, max: number): number => min + (max - min) * next();
  return {
    range,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error('weighted() from an empty list');
      return last[0];
    },
  };
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/** Number formatting for SVG: one decimal, no trailing ".0". */
function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function pt(x: number, y: number): string {
  return `${n(x)} ${n(y)}`;
}

function rgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function hex(r: number, g: number, b: number): string {
  const c = (x: number): string =>
    Math.max(0, Math.min(255, Math.round(x)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Linear blend of two #rrggbb colours; t = 0 gives a, t = 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  return hex(r1 + (r2 - r1) * t, g1 + (g2 - g1) * t, b1 + (b2 - b1) * t);
}

const darken = (c: string, t: number): string => mix(c, '#000000', t);
const lighten = (c: string, t: number): string => mix(c, '#ffffff', t);

/** Point on a cubic Bézier. */
function bezier(p0: readonly [number, number], p1: readonly [number, number], p2: readonly [number, number], p3: readonly [number, number], t: number): [number, number] {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

function path(d: string, fill: string, extra = ''): string {
  return `<path d="${d}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

function line(d: string, stroke: string, width: number, extra = ''): string {
  return `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${n(width)}" stroke-linecap="round" stroke-linejoin="round"${extra ? ` ${extra}` : ''}/>`;
}

/** Mirror an element group left–right about the centre line. */
function mirrored(content: string): string {
  return `<g transform="matrix(-1 0 0 1 ${DESIGN_W} 0)">${content}</g>`;
}

// ---------------------------------------------------------------------------
// The person: every proportion and colour, decided up front
// ---------------------------------------------------------------------------

const DESIGN_W = 600;
const DESIGN_H = 800;
const CX = DESIGN_W / 2;
/** Clothing and backdrop run this far down so taller frames stay filled. */
const FAR = 2400;
/** The figure is drawn a little small and scaled up about this point. */
const FIGURE_SCALE = 1.1;
const FIGURE_ORIGIN_Y = 100;
/** Wide frames may crop the design to this height (head and shoulders). */
const MIN_VISIBLE_H = 640;

const SKIN_TONES = ['#f6dcc7', '#f1d0b5', '#ecc6a5', '#e6bb97', '#deae88', '#d4a17a', '#efcbb0', '#e9c2a2'] as const;
const DARK_HAIR = ['#161211', '#1d1715', '#231b17', '#2a1f19', '#32241b', '#3b2a1f'] as const;
const GREY_HAIR = ['#6d6966', '#85817d', '#9b9793', '#5c5855'] as const;
const IRIS = ['#2b1c14', '#33221a', '#3a281d', '#231914'] as const;

export type HairStyle = 'crop' | 'side-part' | 'swept-back' | 'bob-bangs' | 'bob-side' | 'bun' | 'ponytail' | 'long';

interface Face {
  top: number;
  cw: number;
  cheekY: number;
  jawW: number;
  jawCurve: number;
  chinY: number;
  chinW: number;
  chinDrop: number;
}

interface Person {
  presentation: Presentation;
  older: boolean;
  background: PortraitBackground;
  skin: string;
  skinShade: string;
  skinDeep: string;
  blush: number;
  face: Face;
  ear: { y: number; rx: number; ry: number };
  neckW: number;
  neckBase: number;
  shoulderW: number;
  eyes: {
    y: number;
    dx: number;
    w: number;
    h: number;
    tilt: number;
    iris: string;
    irisR: number;
    gaze: number;
    doubleLid: boolean;
    lash: number;
  };
  brows: { y: number; inner: number; outer: number; thick: number; arch: number; drop: number; color: string };
  nose: { y: number; w: number; bridge: boolean };
  mouth: { y: number; w: number; smile: number; lip: string; lower: number };
  hair: {
    style: HairStyle;
    color: string;
    shade: string;
    shine: string;
    volume: number;
    hairline: number;
    flip: boolean;
  };
  glasses: null | { shape: 'rect' | 'round' | 'soft'; color: string; width: number };
  smileLines: boolean;
}

/**
 * Which hair styles a person may get, with weights. Nurses and police
 * officers wear long hair tied up on duty; older staff get shorter styles.
 */
function hairStyleWeights(presentation: Presentation, attire: Attire, older: boolean): (readonly [HairStyle, number])[] {
  if (presentation === 'm') {
    return older
      ? [
          ['crop', 2],
          ['side-part', 3],
          ['swept-back', 3],
        ]
      : [
          ['crop', 4],
          ['side-part', 4],
          ['swept-back', 1],
        ];
  }
  if (attire === 'nurse') {
    return [
      ['bun', 4],
      ['bob-bangs', 2],
      ['bob-side', 2],
      ['ponytail', older ? 0 : 2],
    ];
  }
  if (attire === 'police' || older) {
    return [
      ['bun', 4],
      ['bob-side', 3],
      ['bob-bangs', 2],
    ];
  }
  return [
    ['bob-bangs', 2],
    ['bob-side', 3],
    ['bun', 2],
    ['ponytail', 2],
    ['long', 3],
  ];
}

function describePerson(options: PortraitOptions): Person {
  const { seed, attire } = options;
  const id = makeRng(seed, 'identity');
  const presentation: Presentation = options.presentation ?? (id.chance(attire === 'nurse' ? 0.82 : 0.5) ? 'f' : 'm');
  const older = id.chance(0.18);
  const background: PortraitBackground =
    options.background ??
    id.weighted<PortraitBackground>([
      ['blue', 6],
      ['white', 2],
      ['grey', 2],
    ]);
  const f = presentation === 'f';

  const sk = makeRng(seed, 'skin');
  const skin = sk.pick(SKIN_TONES);
  const skinShade = mix(skin, '#b0705a', sk.range(0.22, 0.3));
  const skinDeep = mix(skin, '#6e3828', sk.range(0.42, 0.52));
  const blush = f ? sk.range(0.08, 0.16) : sk.chance(0.3) ? sk.range(0.05, 0.09) : 0;

  const fr = makeRng(seed, 'face');
  const cw = f ? fr.range(96, 108) : fr.range(102, 116);
  const face: Face = {
    top: fr.range(186, 196),
    cw,
    cheekY: fr.range(338, 352),
    jawW: cw * (f ? fr.range(0.58, 0.72) : fr.range(0.66, 0.8)),
    jawCurve: fr.range(0.35, 0.55),
    chinY: fr.range(466, 486),
    chinW: f ? fr.range(18, 30) : fr.range(24, 38),
    chinDrop: fr.range(6, 14),
  };
  const ear = { y: face.cheekY + fr.range(12, 22), rx: fr.range(13, 16), ry: fr.range(27, 32) };
  const neckW = cw * (f ? fr.range(0.4, 0.46) : fr.range(0.47, 0.54));
  const neckBase = face.chinY + fr.range(68, 80);
  const shoulderW = f ? fr.range(228, 250) : fr.range(248, 272);

  const er = makeRng(seed, 'eyes');
  const eyeY = face.top + (face.chinY - face.top) * er.range(0.5, 0.535);
  const eyeH = er.range(7.8, 10);
  const eyeW = er.range(17, 21);
  const eyes = {
    y: eyeY,
    dx: cw * er.range(0.4, 0.45),
    w: eyeW,
    h: eyeH,
    tilt: er.range(0, 3),
    iris: er.pick(IRIS),
    irisR: Math.min(eyeW * 0.6, eyeH * er.range(1.05, 1.25)),
    gaze: er.range(-1.2, 1.2),
    doubleLid: er.chance(0.55),
    lash: f ? er.range(3.4, 4.2) : er.range(2.8, 3.4),
  };

  const hr = makeRng(seed, 'hair');
  const style = hr.weighted(hairStyleWeights(presentation, attire, older));
  const hairColor = older ? hr.pick(GREY_HAIR) : hr.pick(DARK_HAIR);
  const hair = {
    style,
    color: hairColor,
    shade: darken(hairColor, older ? 0.25 : 0.35),
    shine: lighten(hairColor, older ? 0.25 : 0.16),
    volume: hr.range(0, 1),
    hairline: face.top + hr.range(48, 62) - (older && !f ? hr.range(4, 14) : 0),
    flip: hr.chance(0.5),
  };

  const br = makeRng(seed, 'brows');
  const browColor = older ? mix(hairColor, '#2e2622', 0.55) : mix(hairColor, '#000000', 0.1);
  const brows = {
    y: eyes.y - br.range(26, 33),
    inner: eyes.dx - eyes.w + br.range(-3, 3),
    outer: eyes.dx + eyes.w + br.range(3, 9),
    thick: f ? br.range(4.2, 6) : br.range(6, 8.5),
    arch: br.range(2, 7),
    drop: br.range(0, 5),
    color: browColor,
  };

  const nr = makeRng(seed, 'nose');
  const nose = {
    y: eyes.y + (face.chinY - eyes.y) * nr.range(0.4, 0.46),
    w: f ? nr.range(10.5, 13.5) : nr.range(12, 16),
    bridge: nr.chance(0.6),
  };

  const mr = makeRng(seed, 'mouth');
  const mouthY = Math.min(nose.y + (face.chinY - nose.y) * mr.range(0.38, 0.46), face.chinY - 32);
  const mouth = {
    y: mouthY,
    w: f ? mr.range(17, 22) : mr.range(19, 25),
    smile: mr.range(2, 6.5),
    lip: f ? mix(skin, mr.pick(['#c4505c', '#c8606a', '#b8545a']), mr.range(0.45, 0.6)) : mix(skin, '#a85a55', mr.range(0.3, 0.4)),
    lower: mr.range(6, 9),
  };

  const gr = makeRng(seed, 'glasses');
  const glassesChance = (older ? 0.55 : 0.22) + (attire === 'white-coat' ? 0.1 : 0);
  const glasses = gr.chance(glassesChance)
    ? gr.pick([
        { shape: 'rect' as const, color: '#1e1e21', width: 3.2 },
        { shape: 'soft' as const, color: '#3f2e24', width: 3.4 },
        { shape: 'round' as const, color: '#8d8882', width: 2.2 },
        { shape: 'rect' as const, color: '#a4874d', width: 2.2 },
        { shape: 'soft' as const, color: '#2a2f3a', width: 3 },
      ])
    : null;

  return {
    presentation,
    older,
    background,
    skin,
    skinShade,
    skinDeep,
    blush,
    face,
    ear,
    neckW,
    neckBase,
    shoulderW,
    eyes,
    brows,
    nose,
    mouth,
    hair,
    glasses,
    smileLines: older,
  };
}

// ---------------------------------------------------------------------------
// Backdrop
// ---------------------------------------------------------------------------

const BACKDROPS: Record<PortraitBackground, readonly [string, string]> = {
  blue: ['#6aa9e7', '#4d90d8'],
  white: ['#fdfdfd', '#eceef1'],
  grey: ['#d6d9dd', '#b5bbc2'],
};

function drawBackdrop(background: PortraitBackground): string {
  const [topColor, bottomColor] = BACKDROPS[background];
  return (
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${topColor}"/><stop offset="1" stop-color="${bottomColor}"/>` +
    `</linearGradient></defs>` +
    `<rect x="${-FAR}" y="${-FAR}" width="${DESIGN_W + 2 * FAR}" height="${FAR}" fill="${topColor}"/>` +
    `<rect x="${-FAR}" y="0" width="${DESIGN_W + 2 * FAR}" height="${DESIGN_H}" fill="url(#bg)"/>` +
    `<rect x="${-FAR}" y="${DESIGN_H}" width="${DESIGN_W + 2 * FAR}" height="${FAR}" fill="${bottomColor}"/>`
  );
}

// ---------------------------------------------------------------------------
// Head
// ---------------------------------------------------------------------------

function faceOutline(face: Face): string {
  const { top, cw, cheekY, jawW, jawCurve, chinY, chinW, chinDrop } = face;
  const upper = cheekY - top;
  const lower = chinY - cheekY;
  return [
    `M${pt(CX, top)}`,
    `C${pt(CX + cw * 0.6, top)} ${pt(CX + cw, top + upper * 0.36)} ${pt(CX + cw, cheekY)}`,
    `C${pt(CX + cw, cheekY + lower * jawCurve)} ${pt(CX + jawW, chinY - lower * 0.14)} ${pt(CX + chinW, chinY - 4)}`,
    `Q${pt(CX, chinY + chinDrop)} ${pt(CX - chinW, chinY - 4)}`,
    `C${pt(CX - jawW, chinY - lower * 0.14)} ${pt(CX - cw, cheekY + lower * jawCurve)} ${pt(CX - cw, cheekY)}`,
    `C${pt(CX - cw, top + upper * 0.36)} ${pt(CX - cw * 0.6, top)} ${pt(CX, top)}Z`,
  ].join('');
}

function drawNeck(p: Person): string {
  const { neckW: w, neckBase: nb, face } = p;
  const top = face.cheekY + 20;
  const neck = path(
    [
      `M${pt(CX - w, top)}`,
      `L${pt(CX - w, nb - 44)}`,
      `Q${pt(CX - w - 2, nb - 16)} ${pt(CX - w - 40, nb + 4)}`,
      `L${pt(CX - w - 40, nb + 120)}L${pt(CX + w + 40, nb + 120)}L${pt(CX + w + 40, nb + 4)}`,
      `Q${pt(CX + w + 2, nb - 16)} ${pt(CX + w, nb - 44)}`,
      `L${pt(CX + w, top)}Z`,
    ].join(''),
    p.skin,
  );
  // Shadow cast by the jaw: the face is drawn on top, leaving a crescent.
  const shadow = path(
    `M${pt(CX - w - 1, top)}L${pt(CX + w + 1, top)}L${pt(CX + w + 1, face.chinY - 6)}` + `Q${pt(CX, face.chinY + 46)} ${pt(CX - w - 1, face.chinY - 6)}Z`,
    p.skinShade,
  );
  return neck + shadow;
}

function drawEars(p: Person): string {
  const { ear, face, skin, skinShade } = p;
  const one =
    `<ellipse cx="${n(CX + face.cw - 2)}" cy="${n(ear.y)}" rx="${n(ear.rx)}" ry="${n(ear.ry)}" fill="${skin}"/>` +
    line(`M${pt(CX + face.cw + 3, ear.y - ear.ry * 0.55)}Q${pt(CX + face.cw + ear.rx * 0.75, ear.y - ear.ry * 0.1)} ${pt(CX + face.cw + 2, ear.y + ear.ry * 0.5)}`, skinShade, 3);
  return one + mirrored(one);
}

function drawFace(p: Person): string {
  return path(faceOutline(p.face), p.skin);
}

function drawEye(p: Person, side: 1 | -1, index: number): string {
  const { eyes } = p;
  const ex = CX + side * eyes.dx;
  const ey = eyes.y;
  const { w, h, tilt } = eyes;
  // Outer corner sits slightly higher (tilt); inner corner is the reference.
  const inner = [ex - side * w, ey + 0.5] as const;
  const outer = [ex + side * w, ey - tilt] as const;
  const almond =
    `M${pt(inner[0], inner[1])}` +
    `C${pt(ex - side * w * 0.45, ey - h * 1.35)} ${pt(ex + side * w * 0.55, ey - h * 1.3 - tilt * 0.5)} ${pt(outer[0], outer[1])}` +
    `C${pt(ex + side * w * 0.5, ey + h * 1.05)} ${pt(ex - side * w * 0.5, ey + h * 1.1)} ${pt(inner[0], inner[1])}Z`;
  const clipId = `eye${index}`;
  const ix = ex + eyes.gaze;
  const iy = ey - h * 0.12;
  const r = eyes.irisR;
  const lid =
    `M${pt(inner[0] - side * 1, inner[1] - 0.5)}` +
    `C${pt(ex - side * w * 0.45, ey - h * 1.38)} ${pt(ex + side * w * 0.55, ey - h * 1.33 - tilt * 0.5)} ${pt(outer[0] + side * 2.5, outer[1] - 1.2)}`;
  const crease = `M${pt(ex - side * w * 0.55, ey - h - 3.2)}` + `Q${pt(ex + side * w * 0.2, ey - h * 1.55 - 4.5)} ${pt(ex + side * w * 0.95, ey - tilt - h * 0.55 - 3)}`;
  return (
    `<clipPath id="${clipId}"><path d="${almond}"/></clipPath>` +
    path(almond, '#fbf8f4') +
    `<g clip-path="url(#${clipId})">` +
    `<circle cx="${n(ix)}" cy="${n(iy)}" r="${n(r)}" fill="${eyes.iris}"/>` +
    `<circle cx="${n(ix)}" cy="${n(iy)}" r="${n(r * 0.5)}" fill="#120c0a"/>` +
    `</g>` +
    `<circle cx="${n(ix + r * 0.38)}" cy="${n(iy - r * 0.38)}" r="${n(Math.max(2, r * 0.26))}" fill="#ffffff"/>` +
    line(lid, '#241915', eyes.lash) +
    (eyes.doubleLid ? line(crease, p.skinDeep, 1.6, 'opacity="0.55"') : '')
  );
}

function drawBrow(p: Person, side: 1 | -1): string {
  const { brows: b } = p;
  const x0 = CX + side * b.inner;
  const x1 = CX + side * b.outer;
  const y0 = b.y;
  const y1 = b.y + b.drop;
  const xm = x0 + (x1 - x0) * 0.45;
  const t = b.thick;
  const d =
    `M${pt(x0, y0 + t * 0.5)}` +
    `Q${pt(x0 - side * t * 0.55, y0)} ${pt(x0, y0 - t * 0.5)}` +
    `Q${pt(xm, y0 - b.arch - t * 0.75)} ${pt(x1, y1)}` +
    `Q${pt(xm, y0 - b.arch + t * 0.55)} ${pt(x0, y0 + t * 0.5)}Z`;
  return path(d, b.color, `stroke="${b.color}" stroke-width="1.2" stroke-linejoin="round"`);
}

function drawNose(p: Person): string {
  const { nose, eyes } = p;
  const y = nose.y;
  const w = nose.w;
  const tip =
    `M${pt(CX - w, y - 5)}` +
    `Q${pt(CX - w - 3, y + 3)} ${pt(CX - w * 0.45, y + 3)}` +
    `Q${pt(CX, y + 8)} ${pt(CX + w * 0.45, y + 3)}` +
    `Q${pt(CX + w + 3, y + 3)} ${pt(CX + w, y - 5)}`;
  const bridge = nose.bridge
    ? line(`M${pt(CX - eyes.dx * 0.3, eyes.y + 6)}Q${pt(CX - w * 0.55, (eyes.y + y) / 2)} ${pt(CX - w * 0.75, y - 10)}`, p.skinShade, 2.2, 'opacity="0.8"')
    : '';
  return bridge + line(tip, p.skinDeep, 2.6, 'opacity="0.85"');
}

function drawMouth(p: Person): string {
  const { mouth: m } = p;
  const { y, w, smile } = m;
  // Corners sit at y; the parting line dips by `smile` in the middle.
  const mid = y + smile * 0.6;
  const upper =
    `M${pt(CX - w, y)}` +
    `C${pt(CX - w * 0.55, y - 4)} ${pt(CX - w * 0.25, y - 6)} ${pt(CX, y - 3.5)}` +
    `C${pt(CX + w * 0.25, y - 6)} ${pt(CX + w * 0.55, y - 4)} ${pt(CX + w, y)}` +
    `Q${pt(CX, mid + smile * 0.6)} ${pt(CX - w, y)}Z`;
  const lower =
    `M${pt(CX - w * 0.92, y + 0.5)}` +
    `Q${pt(CX, mid + smile * 0.6)} ${pt(CX + w * 0.92, y + 0.5)}` +
    `C${pt(CX + w * 0.6, mid + m.lower + 2)} ${pt(CX - w * 0.6, mid + m.lower + 2)} ${pt(CX - w * 0.92, y + 0.5)}Z`;
  const parting = `M${pt(CX - w - 1, y - 0.5)}Q${pt(CX, mid + smile * 0.6)} ${pt(CX + w + 1, y - 0.5)}`;
  return (
    path(upper, darken(m.lip, 0.08)) +
    path(lower, m.lip) +
    line(parting, darken(m.lip, 0.42), 2.4) +
    line(`M${pt(CX - w * 0.35, mid + m.lower + 5)}Q${pt(CX, mid + m.lower + 7)} ${pt(CX + w * 0.35, mid + m.lower + 5)}`, p.skinShade, 2, 'opacity="0.45"')
  );
}

function drawCheeks(p: Person): string {
  let out = '';
  if (p.blush > 0) {
    for (const side of [-1, 1]) {
      out += `<ellipse cx="${n(CX + side * (p.eyes.dx + 6))}" cy="${n(p.nose.y + 2)}" rx="22" ry="12" fill="#ef8b86" opacity="${Math.round(p.blush * 100) / 100}"/>`;
    }
  }
  if (p.smileLines) {
    for (const side of [-1, 1]) {
      out += line(
        `M${pt(CX + side * (p.nose.w + 9), p.nose.y + 2)}Q${pt(CX + side * (p.mouth.w + 13), p.mouth.y - 6)} ${pt(CX + side * (p.mouth.w + 8), p.mouth.y + 10)}`,
        p.skinShade,
        2,
        'opacity="0.5"',
      );
    }
  }
  return out;
}

function drawGlasses(p: Person): string {
  const g = p.glasses;
  if (!g) return '';
  const { eyes, face } = p;
  const rw = eyes.w + 10;
  const rh = eyes.h + 11;
  const cy = eyes.y - 1;
  const rx = g.shape === 'rect' ? 6 : g.shape === 'soft' ? 12 : rw;
  const ry = g.shape === 'round' ? rh : rx;
  const lens = (ex: number): string =>
    `<rect x="${n(ex - rw)}" y="${n(cy - rh)}" width="${n(rw * 2)}" height="${n(rh * 2)}" rx="${n(rx)}" ry="${n(Math.min(ry, rh))}" fill="#ffffff" fill-opacity="0.14" stroke="${g.color}" stroke-width="${n(g.width)}"/>`;
  const innerGap = eyes.dx - rw;
  const bridge = line(`M${pt(CX - innerGap, cy - rh * 0.3)}Q${pt(CX, cy - rh * 0.65)} ${pt(CX + innerGap, cy - rh * 0.3)}`, g.color, g.width);
  const arms =
    line(`M${pt(CX - eyes.dx - rw, cy - rh * 0.45)}L${pt(CX - face.cw + 2, cy - rh * 0.35)}`, g.color, g.width) +
    line(`M${pt(CX + eyes.dx + rw, cy - rh * 0.45)}L${pt(CX + face.cw - 2, cy - rh * 0.35)}`, g.color, g.width);
  return arms + lens(CX - eyes.dx) + lens(CX + eyes.dx) + bridge;
}

// ---------------------------------------------------------------------------
// Hair
// ---------------------------------------------------------------------------

/** Open path (no M/Z) over the top of the head from left side to right side. */
function dome(halfW: number, sideY: number, topY: number, k = 0.6): string {
  const h = sideY - topY;
  return `C${pt(CX - halfW, sideY - h * k)} ${pt(CX - halfW * k, topY)} ${pt(CX, topY)}` + `C${pt(CX + halfW * k, topY)} ${pt(CX + halfW, sideY - h * k)} ${pt(CX + halfW, sideY)}`;
}

/**
 * Close-cropped side above the right ear: from the temple (where the dome
 * ends) down to a short rounded sideburn and back up to the temple corner of
 * the hairline at `templeY`. Open path segment.
 */
function shortSideRight(cw: number, cheekY: number, templeY: number): string {
  return (
    `L${pt(CX + cw + 3, cheekY - 16)}` +
    `Q${pt(CX + cw + 2, cheekY - 2)} ${pt(CX + cw - 2, cheekY - 2)}` +
    `Q${pt(CX + cw - 7, cheekY - 3)} ${pt(CX + cw - 8, cheekY - 16)}` +
    `L${pt(CX + cw - 10, templeY)}`
  );
}

/** Mirror of shortSideRight, ending back at the path's start; closes it. */
function shortSideLeft(cw: number, cheekY: number): string {
  return `L${pt(CX - cw + 8, cheekY - 16)}` + `Q${pt(CX - cw + 7, cheekY - 3)} ${pt(CX - cw + 2, cheekY - 2)}` + `Q${pt(CX - cw - 2, cheekY - 2)} ${pt(CX - cw - 3, cheekY - 16)}Z`;
}

interface HairLayers {
  /** Drawn before neck and body (hair hanging behind the head). */
  back: string;
  /** Drawn over the clothes but under the face. */
  mid: string;
  /** Drawn over the face. */
  front: string;
  /** Drawn over the clothes (hair falling over the shoulders). */
  over: string;
  /** Highest point of the hair (where a cap would sit). */
  top: number;
}

function drawHair(p: Person): HairLayers {
  const { hair: h, face } = p;
  const { cw, top, cheekY, chinY } = face;
  const hl = h.hairline;
  const bangY = p.brows.y - 9;
  const out: HairLayers = { back: '', mid: '', front: '', over: '', top };
  const shine = (d: string, width = 3): string => line(d, h.shine, width, 'opacity="0.55"');

  switch (h.style) {
    case 'crop': {
      const topY = top - 18 - h.volume * 14;
      out.top = topY;
      const sideY = hl + 22;
      // A soft fringe with one lock falling a little lower, off-centre.
      const lockX = CX - cw * (0.1 + h.volume * 0.2);
      const g =
        path(
          `M${pt(CX - cw - 3, cheekY - 16)}L${pt(CX - cw - 9, sideY)}` +
            dome(cw + 9, sideY, topY, 0.64) +
            shortSideRight(cw, cheekY, hl + 32) +
            `Q${pt(CX + cw - 12, hl + 8)} ${pt(CX + cw * 0.55, hl + 3)}` +
            `Q${pt(CX + cw * 0.1, hl - 2)} ${pt(lockX + 12, hl + 4)}` +
            `Q${pt(lockX + 2, hl + 10)} ${pt(lockX - 8, hl + 15)}` +
            `Q${pt(lockX - 14, hl + 6)} ${pt(CX - cw * 0.55, hl + 3)}` +
            `Q${pt(CX - cw + 12, hl + 8)} ${pt(CX - cw + 10, hl + 32)}` +
            shortSideLeft(cw, cheekY),
          h.color,
        ) +
        shine(`M${pt(CX - cw * 0.5, topY + 18)}Q${pt(CX, topY + 5)} ${pt(CX + cw * 0.45, topY + 15)}`) +
        shine(`M${pt(lockX + 10, hl - 6)}Q${pt(lockX + 20, hl - 26)} ${pt(lockX + 40, hl - 36)}`, 2.2);
      out.front = h.flip ? mirrored(g) : g;
      break;
    }
    case 'side-part': {
      const topY = top - 24 - h.volume * 14;
      out.top = topY;
      const partX = CX - cw * 0.42;
      const sideY = hl + 22;
      const d =
        `M${pt(CX - cw - 3, cheekY - 16)}L${pt(CX - cw - 9, sideY)}` +
        `C${pt(CX - cw - 10, sideY - 70)} ${pt(CX - cw * 0.75, topY + 4)} ${pt(CX - cw * 0.1, topY)}` +
        `C${pt(CX + cw * 0.6, topY - 4)} ${pt(CX + cw + 14, topY + 36)} ${pt(CX + cw + 10, sideY)}` +
        shortSideRight(cw, cheekY, hl + 40) +
        `C${pt(CX + cw - 16, hl + 24)} ${pt(CX + cw * 0.2, hl + 28)} ${pt(partX, hl - 6)}` +
        `C${pt(partX - 16, hl - 2)} ${pt(CX - cw + 14, hl + 4)} ${pt(CX - cw + 10, hl + 26)}` +
        shortSideLeft(cw, cheekY);
      const partLine = line(`M${pt(partX, hl - 6)}Q${pt(partX - 6, hl - 30)} ${pt(partX - 4, topY + 22)}`, h.shade, 2.4);
      const strands =
        shine(`M${pt(partX + 6, hl - 14)}Q${pt(CX + cw * 0.2, hl - 34)} ${pt(CX + cw * 0.85, hl + 10)}`) +
        shine(`M${pt(partX + 2, topY + 30)}Q${pt(CX + cw * 0.3, topY + 14)} ${pt(CX + cw * 0.8, topY + 50)}`, 2.4);
      const g = path(d, h.color) + partLine + strands;
      out.front = h.flip ? mirrored(g) : g;
      break;
    }
    case 'swept-back': {
      const topY = top - 24 - h.volume * 12;
      out.top = topY;
      const sideY = hl + 18;
      const d =
        `M${pt(CX - cw - 3, cheekY - 16)}L${pt(CX - cw - 9, sideY)}` +
        dome(cw + 9, sideY, topY, 0.66) +
        shortSideRight(cw, cheekY, hl + 26) +
        `Q${pt(CX + cw - 14, hl - 4)} ${pt(CX + cw * 0.55, hl - 6)}` +
        `Q${pt(CX, hl - 14)} ${pt(CX - cw * 0.55, hl - 6)}` +
        `Q${pt(CX - cw + 14, hl - 4)} ${pt(CX - cw + 11, hl + 26)}` +
        shortSideLeft(cw, cheekY);
      const strands =
        shine(`M${pt(CX - cw * 0.5, hl - 8)}Q${pt(CX - cw * 0.35, topY + 20)} ${pt(CX - cw * 0.1, topY + 6)}`, 2.4) +
        shine(`M${pt(CX + cw * 0.1, hl - 12)}Q${pt(CX + cw * 0.2, topY + 24)} ${pt(CX + cw * 0.45, topY + 10)}`, 2.4);
      out.front = path(d, h.color) + strands;
      break;
    }
    case 'bob-bangs':
    case 'bob-side': {
      const topY = top - 14 - h.volume * 10;
      out.top = topY;
      const halfW = cw + 18 + h.volume * 6;
      const bottom = chinY - 2 + h.volume * 16;
      out.back = path(
        `M${pt(CX - halfW, cheekY)}` +
          dome(halfW, cheekY, topY, 0.62) +
          `L${pt(CX + halfW + 4, bottom - 14)}Q${pt(CX + halfW + 2, bottom + 4)} ${pt(CX + halfW - 20, bottom + 2)}` +
          `L${pt(CX - halfW + 20, bottom + 2)}Q${pt(CX - halfW - 2, bottom + 4)} ${pt(CX - halfW - 4, bottom - 14)}Z`,
        h.shade,
      );
      const sides =
        `M${pt(CX - halfW, cheekY)}` +
        dome(halfW, cheekY, topY, 0.62) +
        `L${pt(CX + halfW + 4, bottom - 14)}Q${pt(CX + halfW + 2, bottom + 4)} ${pt(CX + cw - 6, bottom)}` +
        `Q${pt(CX + cw - 6, cheekY + 60)} ${pt(CX + cw - 10, cheekY - 10)}`;
      const leftSide =
        `L${pt(CX - cw + 10, cheekY - 10)}Q${pt(CX - cw + 6, cheekY + 60)} ${pt(CX - cw + 6, bottom)}` + `Q${pt(CX - halfW - 2, bottom + 4)} ${pt(CX - halfW - 4, bottom - 14)}Z`;
      let d: string;
      let extra: string;
      if (h.style === 'bob-bangs') {
        d =
          sides +
          `L${pt(CX + cw - 8, bangY + 4)}` +
          `Q${pt(CX + cw * 0.55, bangY + 8)} ${pt(CX + cw * 0.2, bangY + 2)}` +
          `Q${pt(CX, bangY + 7)} ${pt(CX - cw * 0.25, bangY + 2)}` +
          `Q${pt(CX - cw * 0.6, bangY + 8)} ${pt(CX - cw + 8, bangY + 4)}` +
          leftSide;
        extra =
          line(`M${pt(CX - cw * 0.25, bangY - 2)}L${pt(CX - cw * 0.3, bangY - 30)}`, h.shade, 2) +
          line(`M${pt(CX + cw * 0.2, bangY - 2)}L${pt(CX + cw * 0.22, bangY - 28)}`, h.shade, 2);
      } else {
        const partX = CX + cw * 0.3;
        d =
          sides +
          `L${pt(CX + cw - 12, hl + 24)}` +
          `Q${pt(CX + cw * 0.6, hl - 2)} ${pt(partX, hl - 8)}` +
          `C${pt(CX - cw * 0.1, hl + 10)} ${pt(CX - cw * 0.55, bangY - 20)} ${pt(CX - cw + 8, bangY + 8)}` +
          leftSide;
        extra = line(`M${pt(partX, hl - 8)}Q${pt(partX - 2, hl - 30)} ${pt(partX - 8, topY + 24)}`, h.shade, 2.2);
      }
      const g = path(d, h.color) + extra + shine(`M${pt(CX - cw * 0.6, topY + 26)}Q${pt(CX - cw * 0.1, topY + 8)} ${pt(CX + cw * 0.5, topY + 22)}`);
      out.front = h.flip ? mirrored(g) : g;
      break;
    }
    case 'bun':
    case 'ponytail': {
      const topY = top - 10 - h.volume * 6;
      out.top = topY;
      const partX = CX + (h.volume - 0.5) * 30;
      const d =
        `M${pt(CX - cw - 6, cheekY - 8)}` +
        dome(cw + 6, cheekY - 8, topY, 0.6) +
        `Q${pt(CX + cw + 3, cheekY + 4)} ${pt(CX + cw - 6, cheekY - 12)}L${pt(CX + cw - 10, hl + 30)}` +
        `Q${pt(CX + cw - 14, hl + 6)} ${pt(CX + cw * 0.5, hl)}` +
        `Q${pt(partX + 14, hl - 6)} ${pt(partX, hl - 8)}` +
        `Q${pt(partX - 14, hl - 6)} ${pt(CX - cw * 0.5, hl)}` +
        `Q${pt(CX - cw + 14, hl + 6)} ${pt(CX - cw + 10, hl + 30)}` +
        `L${pt(CX - cw + 6, cheekY - 12)}Q${pt(CX - cw - 3, cheekY + 4)} ${pt(CX - cw - 6, cheekY - 8)}Z`;
      const sweep =
        shine(`M${pt(partX - 4, hl - 14)}Q${pt(CX - cw * 0.45, hl - 30)} ${pt(CX - cw * 0.8, hl - 2)}`, 2.4) +
        shine(`M${pt(partX + 4, hl - 14)}Q${pt(CX + cw * 0.45, hl - 30)} ${pt(CX + cw * 0.8, hl - 2)}`, 2.4);
      if (h.style === 'bun') {
        const r = 34 + h.volume * 8;
        out.back =
          `<circle cx="${n(CX)}" cy="${n(topY + 2)}" r="${n(r)}" fill="${h.color}"/>` +
          shine(`M${pt(CX - r * 0.6, topY - r * 0.45)}Q${pt(CX, topY - r * 0.95)} ${pt(CX + r * 0.6, topY - r * 0.45)}`);
      } else {
        // A low ponytail brought forward over one shoulder.
        // Its top starts behind the head, so it goes in the layer under the face.
        const nb = p.neckBase;
        const len = 100 + h.volume * 30;
        const tail =
          `M${pt(CX + cw * 0.4, cheekY - 10)}` +
          `C${pt(CX + cw + 30, cheekY + 20)} ${pt(CX + cw + 38, nb - 10)} ${pt(CX + cw + 24, nb + len)}` +
          `Q${pt(CX + cw + 14, nb + len + 26)} ${pt(CX + cw + 2, nb + len - 4)}` +
          `C${pt(CX + cw + 8, nb - 10)} ${pt(CX + cw * 0.8, chinY)} ${pt(CX + cw * 0.3, cheekY + 40)}Z`;
        const tailGroup =
          path(tail, h.color) + shine(`M${pt(CX + cw + 14, chinY - 10)}C${pt(CX + cw + 24, nb - 20)} ${pt(CX + cw + 26, nb + 20)} ${pt(CX + cw + 20, nb + len - 10)}`, 2.4);
        out.mid = h.flip ? mirrored(tailGroup) : tailGroup;
      }
      out.front = path(d, h.color) + sweep;
      break;
    }
    case 'long': {
      const topY = top - 18 - h.volume * 10;
      out.top = topY;
      const halfW = cw + 18;
      const bottom = p.neckBase + 70 + h.volume * 40;
      const partX = CX + (h.flip ? -1 : 1) * cw * 0.22 * h.volume;
      out.back = path(
        `M${pt(CX - halfW, cheekY)}` +
          dome(halfW, cheekY, topY, 0.62) +
          `L${pt(CX + halfW + 16, bottom - 30)}Q${pt(CX + halfW + 16, bottom)} ${pt(CX + halfW - 10, bottom)}` +
          `L${pt(CX - halfW + 10, bottom)}Q${pt(CX - halfW - 16, bottom)} ${pt(CX - halfW - 16, bottom - 30)}Z`,
        h.shade,
      );
      const front =
        `M${pt(CX - halfW, cheekY)}` +
        `C${pt(CX - halfW, cheekY - (cheekY - topY) * 0.62)} ${pt(CX - halfW * 0.62, topY)} ${pt(partX, topY)}` +
        `C${pt(CX + halfW * 0.62, topY)} ${pt(CX + halfW, cheekY - (cheekY - topY) * 0.62)} ${pt(CX + halfW, cheekY)}` +
        `C${pt(CX + halfW + 4, chinY)} ${pt(CX + halfW + 24, p.neckBase)} ${pt(CX + halfW + 30, bottom - 10)}` +
        `Q${pt(CX + halfW + 10, bottom + 6)} ${pt(CX + p.neckW + 22, bottom - 14)}` +
        `C${pt(CX + p.neckW + 4, p.neckBase)} ${pt(CX + cw - 6, chinY)} ${pt(CX + cw - 8, cheekY)}` +
        `Q${pt(CX + cw - 10, hl + 20)} ${pt(partX, hl - 8)}` +
        `Q${pt(CX - cw + 10, hl + 20)} ${pt(CX - cw + 8, cheekY)}` +
        `C${pt(CX - cw + 6, chinY)} ${pt(CX - p.neckW - 4, p.neckBase)} ${pt(CX - p.neckW - 22, bottom - 14)}` +
        `Q${pt(CX - halfW - 10, bottom + 6)} ${pt(CX - halfW - 30, bottom - 10)}` +
        `C${pt(CX - halfW - 24, p.neckBase)} ${pt(CX - halfW - 4, chinY)} ${pt(CX - halfW, cheekY)}Z`;
      out.over =
        path(front, h.color) +
        line(`M${pt(partX, hl - 8)}L${pt(partX - 2, topY + 20)}`, h.shade, 2.2) +
        shine(`M${pt(CX - cw * 0.7, topY + 34)}Q${pt(CX - cw * 0.2, topY + 10)} ${pt(partX - 6, topY + 14)}`) +
        shine(`M${pt(CX + halfW + 6, chinY - 20)}Q${pt(CX + halfW + 18, p.neckBase)} ${pt(CX + halfW + 20, bottom - 30)}`, 2.4);
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Clothing
// ---------------------------------------------------------------------------

interface Torso {
  nb: number;
  nw: number;
  sh: number;
}

/** Shoulder curve control points for the left side (mirror x for right). */
function shoulderCurve(t: Torso): [[number, number], [number, number], [number, number], [number, number]] {
  const { nb, nw, sh } = t;
  return [
    [CX - nw - 4, nb - 30],
    [CX - nw - 44, nb + 2],
    [CX - sh + 52, nb + 12],
    [CX - sh, nb + 64],
  ];
}

/**
 * Closed torso outline. `notch` is how far below the neck base the neckline's
 * V reaches in the middle; `notchW` is its half-width at the top.
 */
function torsoOutline(t: Torso, notch: number, notchW = t.nw + 4): string {
  const [p0, p1, p2, p3] = shoulderCurve(t);
  const { nb, sh } = t;
  return [
    `M${pt(CX - notchW, nb - 30)}`,
    `L${pt(CX, nb + notch)}`,
    `L${pt(CX + notchW, nb - 30)}`,
    `L${pt(2 * CX - p0[0], p0[1])}`,
    `C${pt(2 * CX - p1[0], p1[1])} ${pt(2 * CX - p2[0], p2[1])} ${pt(2 * CX - p3[0], p3[1])}`,
    `C${pt(CX + sh + 18, nb + 94)} ${pt(CX + sh + 28, nb + 150)} ${pt(CX + sh + 40, FAR)}`,
    `L${pt(CX - sh - 40, FAR)}`,
    `C${pt(CX - sh - 28, nb + 150)} ${pt(CX - sh - 18, nb + 94)} ${pt(p3[0], p3[1])}`,
    `C${pt(p2[0], p2[1])} ${pt(p1[0], p1[1])} ${pt(p0[0], p0[1])}Z`,
  ].join('');
}

/** One side (left, mirror for right) of a jacket or coat front panel. */
function panelOutline(t: Torso, vBottom: number, collarRise: number): string {
  const [p0, p1, p2, p3] = shoulderCurve(t);
  const { nb, sh } = t;
  return [
    `M${pt(p0[0] - 4, p0[1] - collarRise)}`,
    `L${pt(p0[0], p0[1])}`,
    `C${pt(p1[0], p1[1])} ${pt(p2[0], p2[1])} ${pt(p3[0], p3[1])}`,
    `C${pt(CX - sh - 18, nb + 94)} ${pt(CX - sh - 28, nb + 150)} ${pt(CX - sh - 40, FAR)}`,
    `L${pt(CX + 14, FAR)}L${pt(CX + 14, nb + vBottom + 20)}L${pt(CX, nb + vBottom)}`,
    `Z`,
  ].join('');
}

/** Lapel for the left side (mirror for right). */
function lapelOutline(t: Torso, vBottom: number, width: number, collarRise: number): string {
  const { nb, nw } = t;
  const topX = CX - nw - 8;
  const topY = nb - 30 - collarRise;
  return [
    `M${pt(topX, topY)}`,
    `L${pt(CX, nb + vBottom)}`,
    `L${pt(CX - width * 0.45, nb + vBottom - 40)}`,
    `L${pt(CX - nw - width, nb + 58)}`,
    `L${pt(CX - nw - width * 0.62, nb + 48)}`,
    `L${pt(CX - nw - width * 0.5, nb + 14)}`,
    `Q${pt(CX - nw - 18, nb - 10)} ${pt(topX, topY)}Z`,
  ].join('');
}

interface Collar {
  open: boolean;
  fill: string;
  edge: string;
}

function shirtCollar(t: Torso, c: Collar): string {
  const { nb, nw } = t;
  const pts = c.open
    ? [
        [CX - nw - 2, nb - 40],
        [CX - 3, nb + 46],
        [CX - 42, nb + 64],
        [CX - nw - 34, nb + 6],
      ]
    : [
        [CX - nw - 2, nb - 40],
        [CX - 2, nb + 4],
        [CX - 30, nb + 54],
        [CX - nw - 30, nb + 8],
      ];
  const [a, b, cc, d] = pts as [[number, number], [number, number], [number, number], [number, number]];
  const wing =
    `M${pt(a[0], a[1])}L${pt(b[0], b[1])}L${pt(cc[0], cc[1])}` +
    `Q${pt((cc[0] + d[0]) / 2, (cc[1] + d[1]) / 2 + 4)} ${pt(d[0], d[1])}` +
    `Q${pt(a[0] - 14, a[1] + 18)} ${pt(a[0], a[1])}Z`;
  const one = path(wing, c.fill, `stroke="${c.edge}" stroke-width="2" stroke-linejoin="round"`);
  return one + mirrored(one);
}

function tie(t: Torso, color: string, striped: boolean): string {
  const { nb } = t;
  const knot = path(`M${pt(CX - 13, nb + 2)}L${pt(CX + 13, nb + 2)}L${pt(CX + 9, nb + 28)}L${pt(CX - 9, nb + 28)}Z`, darken(color, 0.08));
  const blade = path(`M${pt(CX - 9, nb + 28)}L${pt(CX + 9, nb + 28)}L${pt(CX + 24, nb + 220)}L${pt(CX, nb + 250)}L${pt(CX - 24, nb + 220)}Z`, color);
  if (!striped) return blade + knot;
  const bladeD = `M${pt(CX - 9, nb + 28)}L${pt(CX + 9, nb + 28)}L${pt(CX + 24, nb + 220)}L${pt(CX, nb + 250)}L${pt(CX - 24, nb + 220)}Z`;
  let stripes = '';
  for (let y = nb + 50; y < nb + 260; y += 26) {
    stripes += `M${pt(CX - 30, y + 14)}L${pt(CX + 30, y - 14)}`;
  }
  return blade + `<clipPath id="tie"><path d="${bladeD}"/></clipPath>` + `<g clip-path="url(#tie)">${line(stripes, lighten(color, 0.22), 3.5)}</g>` + knot;
}

function buttons(x: number, ys: readonly number[], fill: string, r = 3.5): string {
  return ys.map((y) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"/>`).join('');
}

function drawAttire(p: Person, attire: Attire, seed: string): string {
  const ar = makeRng(seed, `attire:${attire}`);
  const t: Torso = { nb: p.neckBase, nw: p.neckW, sh: p.shoulderW };
  const { nb, nw } = t;
  const edgeOf = (c: string): string => darken(c, 0.18);

  switch (attire) {
    case 'white-coat': {
      const coat = '#fbfcfd';
      const coatEdge = '#c5ccd4';
      const inner = ar.weighted<'shirt-tie' | 'shirt' | 'scrubs'>([
        ['shirt-tie', p.presentation === 'm' ? 3 : 1],
        ['shirt', 3],
        ['scrubs', 2],
      ]);
      let under: string;
      if (inner === 'scrubs') {
        const scrub = ar.pick(['#5b9aa9', '#4f7fb8', '#6a9f8e', '#7d8fc4']);
        under = path(torsoOutline(t, 58, nw + 2), scrub) + line(`M${pt(CX - nw - 2, nb - 28)}L${pt(CX, nb + 58)}L${pt(CX + nw + 2, nb - 28)}`, darken(scrub, 0.2), 3);
      } else {
        const shirt = ar.pick(['#dfeaf6', '#f4f6f8', '#cfe0f2', '#e8eef5']);
        const open = inner === 'shirt';
        under =
          path(torsoOutline(t, open ? 46 : 4), shirt) +
          (open ? '' : tie(t, ar.pick(['#7c2432', '#27375e', '#3d4a5c', '#5a2a3c']), ar.chance(0.5))) +
          shirtCollar(t, { open, fill: shirt, edge: edgeOf(shirt) });
      }
      const vBottom = 215;
      const panel = path(panelOutline(t, vBottom, 14), coat, `stroke="${coatEdge}" stroke-width="2.5" stroke-linejoin="round"`);
      const lapel = path(lapelOutline(t, vBottom, 62, 14), coat, `stroke="${coatEdge}" stroke-width="2.5" stroke-linejoin="round"`);
      const left = panel + lapel;
      const pocket = path(
        `M${pt(CX + 96, nb + 118)}L${pt(CX + 170, nb + 118)}L${pt(CX + 168, nb + 210)}L${pt(CX + 98, nb + 210)}Z`,
        coat,
        `stroke="${coatEdge}" stroke-width="2.5" stroke-linejoin="round"`,
      );
      const pens = ar.chance(0.7)
        ? `<rect x="${n(CX + 112)}" y="${n(nb + 96)}" width="9" height="34" rx="4" fill="${ar.pick(['#2f4f8f', '#262a30', '#8a2d36'])}"/>` +
          `<rect x="${n(CX + 128)}" y="${n(nb + 102)}" width="8" height="28" rx="4" fill="${ar.pick(['#262a30', '#3c6ea8', '#d7dbe0'])}"/>`
        : '';
      return under + left + mirrored(panel) + pens + pocket + mirrored(lapel) + buttons(CX + 8, [nb + 232], '#d9dee4', 5);
    }
    case 'nurse': {
      const uniform = ar.pick(['#f7d7df', '#f9dfe5', '#fbfbfc', '#f3f5f7']);
      const isWhite = uniform === '#fbfbfc' || uniform === '#f3f5f7';
      const trim = isWhite ? ar.pick(['#e6a3b3', '#8fb7dd', '#7fb8b0']) : ar.pick(['#e59aab', '#ffffff']);
      const edge = isWhite ? '#c8ced5' : darken(uniform, 0.16);
      const neckline = ar.weighted<'v' | 'collar'>([
        ['v', 3],
        ['collar', 2],
      ]);
      let out = path(torsoOutline(t, 50, nw + 2), uniform, `stroke="${edge}" stroke-width="2"`);
      if (neckline === 'v') {
        out += line(`M${pt(CX - nw - 2, nb - 28)}L${pt(CX, nb + 50)}L${pt(CX + nw + 2, nb - 28)}`, trim, 5);
      } else {
        out += shirtCollar(t, { open: true, fill: uniform, edge: trim });
      }
      out += buttons(CX, [nb + 92, nb + 150, nb + 208], isWhite ? '#d3d8de' : lighten(uniform, 0.5), 4);
      // Watch-pocket on the wearer's left with a pen.
      out +=
        `<rect x="${n(CX + 112)}" y="${n(nb + 104)}" width="8" height="30" rx="4" fill="${ar.pick(['#3c6ea8', '#262a30'])}"/>` +
        path(
          `M${pt(CX + 98, nb + 120)}L${pt(CX + 160, nb + 120)}L${pt(CX + 158, nb + 188)}L${pt(CX + 100, nb + 188)}Z`,
          uniform,
          `stroke="${trim}" stroke-width="2.5" stroke-linejoin="round"`,
        );
      return out;
    }
    case 'suit': {
      const jacket = ar.pick(['#1f2a44', '#262b33', '#1b1d22', '#2b3447', '#34373d']);
      const shirt = ar.weighted([
        ['#fafbfc', 5],
        ['#dde9f6', 2],
      ] as const);
      const withTie = ar.chance(p.presentation === 'm' ? 0.75 : 0.2);
      const vBottom = 200 + ar.range(0, 30);
      let out =
        path(torsoOutline(t, withTie ? 4 : 46), shirt) +
        (withTie ? tie(t, ar.pick(['#8a1f2f', '#23345e', '#5b2333', '#2c4a6e', '#6b6f78']), ar.chance(0.5)) : '') +
        shirtCollar(t, { open: !withTie, fill: shirt, edge: edgeOf(shirt) });
      const panel = path(panelOutline(t, vBottom, 12), jacket);
      const lapel = path(lapelOutline(t, vBottom, 58, 12), lighten(jacket, 0.04), `stroke="${darken(jacket, 0.35)}" stroke-width="2" stroke-linejoin="round"`);
      out += panel + lapel + mirrored(panel + lapel);
      return out;
    }
    case 'shirt': {
      const shirt = ar.pick(['#bcd5ef', '#c4daf1', '#b3cfec', '#cddff3']);
      const withTie = ar.chance(p.presentation === 'm' ? 0.55 : 0.15);
      const edge = darken(shirt, 0.2);
      let out = path(torsoOutline(t, withTie ? 4 : 46), shirt, `stroke="${edge}" stroke-width="2"`);
      // Placket and buttons.
      out += line(`M${pt(CX, nb + (withTie ? 30 : 50))}L${pt(CX, FAR)}`, edge, 2, 'opacity="0.7"');
      if (!withTie) out += buttons(CX + 6, [nb + 100, nb + 170], lighten(shirt, 0.5), 3.5);
      // Breast pocket on the wearer's left.
      out += path(
        `M${pt(CX + 96, nb + 112)}L${pt(CX + 158, nb + 112)}L${pt(CX + 158, nb + 176)}L${pt(CX + 127, nb + 186)}L${pt(CX + 96, nb + 176)}Z`,
        shirt,
        `stroke="${edge}" stroke-width="2" stroke-linejoin="round"`,
      );
      if (withTie) out += tie(t, ar.pick(['#23345e', '#7c2432', '#2d3a4f', '#3f4d66']), ar.chance(0.4));
      out += shirtCollar(t, { open: !withTie, fill: shirt, edge });
      return out;
    }
    case 'police': {
      const navy = ar.pick(['#1b2947', '#1e2d4d', '#18243f']);
      const shirt = '#b7cfea';
      const vBottom = 190;
      let out = path(torsoOutline(t, 4), shirt) + tie(t, '#17223b', false) + shirtCollar(t, { open: false, fill: shirt, edge: darken(shirt, 0.2) });
      const panel = path(panelOutline(t, vBottom, 12), navy);
      const lapel = path(lapelOutline(t, vBottom, 56, 12), lighten(navy, 0.05), `stroke="${darken(navy, 0.4)}" stroke-width="2" stroke-linejoin="round"`);
      // Shoulder boards follow the shoulder curve: plain navy with a thin
      // silver edge and a button, no rank or text.
      const [q0, q1, q2, q3] = shoulderCurve(t);
      const along = [0.3, 0.45, 0.6, 0.75, 0.88].map((s) => bezier(q0, q1, q2, q3, s));
      const top = along.map(([x, y]) => pt(x, y + 2)).join('L');
      const bottom = along
        .slice()
        .reverse()
        .map(([x, y]) => pt(x, y + 22))
        .join('L');
      const board = path(`M${top}L${bottom}Z`, darken(navy, 0.25), `stroke="#a9b3bf" stroke-width="2" stroke-linejoin="round"`);
      const [bx, by] = along[0] ?? [CX - nw - 40, nb];
      const boardButton = `<circle cx="${n(bx + 8)}" cy="${n(by + 12)}" r="4.5" fill="#c9d0d8"/>`;
      const flap = path(
        `M${pt(CX - 176, nb + 140)}L${pt(CX - 96, nb + 140)}L${pt(CX - 98, nb + 164)}L${pt(CX - 136, nb + 174)}L${pt(CX - 174, nb + 164)}Z`,
        navy,
        `stroke="${darken(navy, 0.4)}" stroke-width="2" stroke-linejoin="round"`,
      );
      const flapButton = `<circle cx="${n(CX - 136)}" cy="${n(nb + 160)}" r="4.5" fill="#c9d0d8"/>`;
      const side = panel + flap + flapButton + lapel + board + boardButton;
      out += side + mirrored(side) + buttons(CX + 6, [nb + vBottom + 18], '#c9d0d8', 5);
      return out;
    }
  }
}

/** A white folded nurse cap sitting on top of the hair (no stripes or badges). */
function drawNurseCap(p: Person, hairTop: number): string {
  const y = hairTop + 30;
  const w = p.face.cw * 0.6;
  const cap =
    `M${pt(CX - w, y - 6)}Q${pt(CX, y + 10)} ${pt(CX + w, y - 6)}` +
    `L${pt(CX + w + 24, y - 44)}Q${pt(CX + w * 0.4, y - 52)} ${pt(CX, y - 50)}` +
    `Q${pt(CX - w * 0.4, y - 52)} ${pt(CX - w - 24, y - 44)}Z`;
  return (
    path(cap, '#ffffff', 'stroke="#c9d0d8" stroke-width="2" stroke-linejoin="round"') +
    line(`M${pt(CX - w - 8, y - 20)}Q${pt(CX, y - 8)} ${pt(CX + w + 8, y - 20)}`, '#d5dbe1', 2.4)
  );
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

function checkSize(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 16 || value > MAX_PORTRAIT_EDGE) {
    throw new RangeError(`portrait ${name} must be an integer from 16 to ${MAX_PORTRAIT_EDGE}, got ${value}`);
  }
  return value;
}

function checkOptions(options: PortraitOptions): { width: number; height: number } {
  if (typeof options.seed !== 'string') throw new TypeError('portrait seed must be a string');
  if (!ATTIRES.includes(options.attire)) {
    throw new TypeError(`unknown attire ${JSON.stringify(options.attire)}; expected one of ${ATTIRES.join(', ')}`);
  }
  if (options.presentation !== undefined && !PRESENTATIONS.includes(options.presentation)) {
    throw new TypeError(`unknown presentation ${JSON.stringify(options.presentation)}; expected f or m`);
  }
  if (options.background !== undefined && !PORTRAIT_BACKGROUNDS.includes(options.background)) {
    throw new TypeError(`unknown background ${JSON.stringify(options.background)}; expected one of ${PORTRAIT_BACKGROUNDS.join(', ')}`);
  }
  return {
    width: checkSize(options.width, DEFAULT_PORTRAIT_WIDTH, 'width'),
    height: checkSize(options.height, DEFAULT_PORTRAIT_HEIGHT, 'height'),
  };
}

export interface PortraitTraits {
  presentation: Presentation;
  background: PortraitBackground;
  hairStyle: HairStyle;
  greyHair: boolean;
  glasses: boolean;
}

/**
 * The main traits a seed resolves to, without drawing anything. Handy for
 * alt text, for checking a staff list for look-alikes, and for tests.
 */
export function describePortrait(options: PortraitOptions): PortraitTraits {
  checkOptions(options);
  const p = describePerson(options);
  return {
    presentation: p.presentation,
    background: p.background,
    hairStyle: p.hair.style,
    greyHair: p.older,
    glasses: p.glasses !== null,
  };
}

/**
 * Which part of the 600×800 design a width×height frame shows. At 3:4 it is
 * exactly the design. Taller frames show more backdrop above and more body
 * below. Wider frames first crop the bottom of the chest (down to
 * MIN_VISIBLE_H, which still shows head and shoulders), then add backdrop at
 * the sides.
 */
function frameViewBox(width: number, height: number): string {
  // Fill the width, unless that would crop the design below MIN_VISIBLE_H.
  const scale = Math.min(width / DESIGN_W, height / MIN_VISIBLE_H);
  const vbW = width / scale;
  const vbH = height / scale;
  const y0 = vbH >= DESIGN_H ? -(vbH - DESIGN_H) * 0.35 : (DESIGN_H - vbH) * 0.15;
  return `${n((DESIGN_W - vbW) / 2)} ${n(y0)} ${n(vbW)} ${n(vbH)}`;
}

/** The portrait as a standalone SVG document (no text, no external refs). */
export function portraitSvg(options: PortraitOptions): string {
  const { width, height } = checkOptions(options);
  const p = describePerson(options);

  const viewBox = frameViewBox(width, height);

  const hair = drawHair(p);
  const capRng = makeRng(options.seed, 'nurse-cap');
  const wearsCap =
    options.attire === 'nurse' && p.presentation === 'f' && (p.hair.style === 'bun' || p.hair.style === 'ponytail' || p.hair.style === 'bob-side') && capRng.chance(0.5);

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${viewBox}">`,
    drawBackdrop(p.background),
    `<g transform="translate(${CX} ${FIGURE_ORIGIN_Y}) scale(${FIGURE_SCALE}) translate(${-CX} ${-FIGURE_ORIGIN_Y})">`,
    hair.back,
    drawNeck(p),
    drawAttire(p, options.attire, options.seed),
    hair.mid,
    drawEars(p),
    drawFace(p),
    drawCheeks(p),
    drawBrow(p, -1),
    drawBrow(p, 1),
    drawEye(p, -1, 0),
    drawEye(p, 1, 1),
    drawNose(p),
    drawMouth(p),
    drawGlasses(p),
    hair.front,
    hair.over,
    wearsCap ? drawNurseCap(p, hair.top) : '',
    '</g></svg>',
  ];
  return parts.join('');
}

/** Rasterise a portrait. JPEG by default (quality 82, no metadata). */
export async function renderPortrait(options: RenderPortraitOptions): Promise<Buffer> {
  const format = options.format ?? 'jpeg';
  if (format !== 'jpeg' && format !== 'png') throw new TypeError(`unknown format ${JSON.stringify(format)}`);
  const quality = options.quality ?? DEFAULT_JPEG_QUALITY;
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new RangeError(`JPEG quality must be an integer from 1 to 100, got ${quality}`);
  }
  const svg = portraitSvg(options);
  // sharp strips all metadata unless asked to keep it; we never ask.
  const image = sharp(Buffer.from(svg), { density: 72 }).removeAlpha();
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality, mozjpeg: false }).toBuffer();
}
