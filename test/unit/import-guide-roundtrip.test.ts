import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { checkFile } from '#lib/content/check.ts';
import { guideDocx } from '#tools/import/guide-export.ts';
import { guideElements } from '#tools/import/guide-elements.ts';
import { procedureFile } from '#tools/import/guide-file.ts';
import { mapGuide } from '#tools/import/guide-map.ts';
import { blocksFromHtml } from '#tools/import/guide-read.ts';

const EXAMPLE = fileURLToPath(new URL('../../content/', import.meta.url));

const PROCEDURES = readdirSync(join(EXAMPLE, 'units'))
  .flatMap((unit) => {
    try {
      return readdirSync(join(EXAMPLE, 'units', unit, 'procedures'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `units/${unit}/procedures/${f}`);
    } catch {
      return [];
    }
  })
  .sort();

/** What a site-internal field (list order, a hand-set update date) is not part of a guide. */
const guideOnly = ({ order, updated, ...rest }: Record<string, unknown>) => (void order, void updated, rest);

describe('a procedure exported as a Word guide and imported again', () => {
  it('covers every procedure of the example', () => {
    expect(PROCEDURES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(PROCEDURES)('%s comes back as the same procedure, with nothing to check', async (relPath) => {
    const original = checkFile(EXAMPLE, relPath).entry;
    if (original?.collection !== 'procedures') throw new Error(`${relPath} is not a valid procedure`);
    const docx = await guideDocx(original.data, original.body);
    const html = (await mammoth.convertToHtml({ buffer: docx })).value;
    const mapped = mapGuide(guideElements(blocksFromHtml(html)));
    expect(mapped.findings).toEqual([]);
    // The imported file, read by the checker as if it stood where the original does (its forms are beside it).
    const back = checkFile(EXAMPLE, relPath, procedureFile(mapped.data, mapped.body, { file: 'export.docx', date: '2026-12-07' }, mapped.findings));
    expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(guideOnly(back.entry!.data as Record<string, unknown>)).toEqual(guideOnly(original.data as Record<string, unknown>));
  });
});
