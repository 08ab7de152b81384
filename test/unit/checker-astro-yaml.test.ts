/**
 * The checker reads YAML with the 1.2 core schema; Astro reads the same
 * files with js-yaml, which turns unquoted timestamps (and 0b… numbers) into
 * other types. `readDifferently` predicts what js-yaml makes of a value;
 * these tests hold it to js-yaml itself, as Astro depends on it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDifferently } from '#lib/content/source.ts';
import { ROOT } from '../helpers/run.ts';

const jsYaml = createRequire(join(ROOT, 'node_modules/astro/package.json'))('js-yaml') as { load: (text: string) => unknown };

const astroReads = (value: string) => (jsYaml.load(`k: ${value}`) as { k: unknown }).k;
const checkerReads = (value: string) => (parse(`k: ${value}`, { version: '1.2', schema: 'core' }) as { k: unknown }).k;

/** What readDifferently should say: js-yaml's value where the two readers disagree, else undefined. */
function expected(value: string): unknown {
  const astro = astroReads(value);
  const checker = checkerReads(value);
  if (astro instanceof Date) return astro;
  return Object.is(astro, checker) ? undefined : astro;
}

function agrees(value: string) {
  const predicted = readDifferently(value);
  const wanted = expected(value);
  if (wanted instanceof Date) {
    expect(predicted, value).toBeInstanceOf(Date);
    expect((predicted as Date).getTime(), value).toBe(wanted.getTime());
  } else expect(predicted, value).toBe(wanted);
}

describe('values Astro reads differently from the checker', () => {
  it.each([
    '2026-11-22',
    '2026-11-22 10:00:00',
    '2026-11-22T10:00:00Z',
    '2026-11-22t10:00:00.5',
    '2026-1-2 3:04:05',
    '2026-11-22 10:00:00 +8',
    '2026-11-22 10:00:00 -05:30',
    '2026-11-22T10:00:00.123456Z',
    '0b101',
    '-0b11',
  ])('%s becomes a date or a number for Astro', (value) => {
    expect(expected(value)).not.toBeUndefined();
    agrees(value);
  });

  it.each(['2026-11-22 10:00', '2026-1-2', '2026/11/22', '20261122', '0101', '1.38E+10', '12:30', 'yes', '0x1F', '0o17', '1_000', '2026-11-22 至 2026-11-30'])(
    '%s reads the same in both',
    (value) => {
      expect(expected(value)).toBeUndefined();
      expect(readDifferently(value)).toBeUndefined();
    },
  );

  it('agrees with js-yaml on 3,000 random date-like values', () => {
    let seed = 20261122;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = ['2026', '-', '11', '1', '0', '22', ' ', 'T', 't', ':', '10', '00', '.', '5', 'Z', '+', '8', 'b', '0b', '0x', '0o', 'e', 'E', '_', '.inf', '.nan', '9', '  '];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(random() * 9);
      let value = '';
      for (let j = 0; j < n; j++) value += pieces[Math.floor(random() * pieces.length)];
      value = value.trim();
      if (value === '' || /^[-:?]/.test(value) || / #|:\s|:$/.test(value)) continue;
      agrees(value);
    }
  });
});
