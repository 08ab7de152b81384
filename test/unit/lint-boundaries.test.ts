import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';

/**
 * The folder boundaries of README's "How it is put together", as the project's
 * own eslint.config.js keeps them. Each case lints one line of code as if it
 * stood in a file of the project (the file need not exist) and asserts that a
 * forbidden import is reported and its allowed neighbour is not.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.js') });
});

/** The messages of the boundary rule for `code` placed at `file` (relative to the project). */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(ROOT, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function expectForbidden(file: string, code: string, folderNamed: RegExp): Promise<void> {
  const messages = await boundaryMessages(file, code);
  expect(messages, `${file}: ${code}`).toHaveLength(1);
  expect(messages[0], `${file}: ${code}`).toMatch(folderNamed);
}

async function expectAllowed(file: string, code: string): Promise<void> {
  expect(await boundaryMessages(file, code), `${file}: ${code}`).toEqual([]);
}

describe('src/lib, which building and checking the site imports', () => {
  it('may not import src/node, however deep the file and however the path is spelt', async () => {
    await expectForbidden('src/lib/x.ts', "import { build } from '../node/build.ts';", /src\/node/);
    await expectForbidden('src/lib/print/x.ts', "import { build } from '../../node/build.ts';", /src\/node/);
    await expectForbidden('src/lib/print/x.ts', "import { build } from '#node/build.ts';", /src\/node/);
    await expectForbidden('src/lib/print/x.ts', "export { build } from '../../node/build.ts';", /src\/node/);
    await expectAllowed('src/lib/print/x.ts', "import { formatDate } from '../../lib/format.ts';");
  });

  it('may not import src/node even for a type', async () => {
    await expectForbidden('src/lib/x.ts', "import type { BuildResult } from '../node/build.ts';", /src\/node/);
  });

  it('may not import the Astro integration', async () => {
    await expectForbidden('src/lib/x.ts', "import siliang from '../integration/index.ts';", /src\/integration/);
    await expectAllowed('src/lib/x.ts', "import { readClock } from './dates.ts';");
  });

  it('may not import src/tools', async () => {
    await expectForbidden('src/lib/search/x.ts', "import { hash32 } from '../../tools/hash.ts';", /src\/tools/);
    await expectForbidden('src/lib/search/x.ts', "import { hash32 } from '#tools/hash.ts';", /src\/tools/);
  });

  it('may not import pages or components', async () => {
    await expectForbidden('src/lib/x.ts', "import Page from '../pages/index.astro';", /页面/);
    await expectForbidden('src/lib/x.ts', "import Card from '../components/UnitCard.astro';", /组件/);
  });

  it('may not import Astro, its subpaths or its virtual modules, but takes Zod from astro/zod', async () => {
    await expectForbidden('src/lib/x.ts', "import type { AstroIntegration } from 'astro';", /Astro/);
    await expectForbidden('src/lib/x.ts', "import { defineConfig } from 'astro/config';", /Astro/);
    await expectForbidden('src/lib/x.ts', "import { getCollection } from 'astro:content';", /Astro/);
    await expectAllowed('src/lib/x.ts', "import { z } from 'astro/zod';");
  });

  it('may import the schemas and packages it needs', async () => {
    await expectAllowed('src/lib/content/x.ts', "import { siteSchema } from '../../schemas/site.ts';");
    await expectAllowed('src/lib/content/x.ts', "import { readFileSync } from 'node:fs';\nimport { parse } from 'yaml';");
  });
});

describe('src/data, the organisation as pages see it', () => {
  it('may not import src/node', async () => {
    await expectForbidden('src/data/x.ts', "import { build } from '../node/build.ts';", /src\/node/);
  });

  it('may not import src/tools', async () => {
    await expectForbidden('src/data/x.ts', "import { hash32 } from '../tools/hash.ts';", /src\/tools/);
  });

  it('may import src/lib and Astro collections', async () => {
    await expectAllowed('src/data/x.ts', "import { getCollection } from 'astro:content';\nimport { buildModel } from '../lib/model.ts';");
  });
});

describe('src/tools, which only the other commands import', () => {
  it('may not be imported by pages, components, layouts or the integration', async () => {
    await expectForbidden('src/pages/x.astro', "---\nimport { hash32 } from '../tools/hash.ts';\n---\n<p>{hash32('a')}</p>", /src\/tools/);
    await expectForbidden('src/pages/units/[unit]/x.ts', "import { hash32 } from '../../../tools/hash.ts';", /src\/tools/);
    await expectForbidden('src/components/print/X.astro', "---\nimport { hash32 } from '../../tools/hash.ts';\n---\n<p>{hash32('a')}</p>", /src\/tools/);
    await expectForbidden('src/layouts/X.astro', "---\nimport { hash32 } from '../tools/hash.ts';\n---\n<p>{hash32('a')}</p>", /src\/tools/);
    await expectForbidden('src/integration/x.ts', "import { hash32 } from '../tools/hash.ts';", /src\/tools/);
  });

  it('may be imported by src/node and by the command-line scripts', async () => {
    await expectAllowed('src/node/bench/x.ts', "import { pageKind } from '../../tools/bench/page-kinds.ts';");
    await expectAllowed('scripts/x.ts', "import { hash32 } from '#tools/hash.ts';");
  });
});

describe('src/integration and src/node', () => {
  it('do not import each other', async () => {
    await expectForbidden('src/integration/x.ts', "import { build } from '../node/build.ts';", /src\/node/);
    await expectForbidden('src/node/x.ts', "import siliang from '../integration/index.ts';", /src\/integration/);
  });

  it('both import src/lib', async () => {
    await expectAllowed('src/integration/x.ts', "import { readClock } from '../lib/dates.ts';");
    await expectAllowed('src/node/x.ts', "import { readClock } from '../lib/dates.ts';");
  });
});

describe('src/scripts, which run in the browser', () => {
  it('may not import Node modules, with or without the node: prefix', async () => {
    await expectForbidden('src/scripts/x.ts', "import { readFileSync } from 'node:fs';", /Node/);
    await expectForbidden('src/scripts/kiosk/x.ts', "import { join } from 'path';", /Node/);
    await expectForbidden('src/scripts/x.ts', "import { promises } from 'fs/promises';", /Node/);
  });

  it('may import the pure library code they share with the build', async () => {
    await expectAllowed('src/scripts/x.ts', "import { normalizeQuery } from '../lib/search/query.ts';");
  });
});
