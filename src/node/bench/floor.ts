/**
 * The floor a Siliang build is compared with: a bare Astro project, with
 * the same Astro, that renders one trivial page per entry of a content
 * collection. Whatever Siliang takes beyond it is Siliang's own cost.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureCommand, type Measured } from './process.ts';

/** Writes the bare project for `pages` pages into `dir` (emptied first). */
export function writeFloorProject(dir: string, pages: number, repoRoot: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  mkdirSync(join(dir, 'entries'), { recursive: true });
  // The repository's own packages, so the floor runs the very Astro that Siliang does.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'siliang-floor', private: true, type: 'module' }));
  // Its caches stay in its own folder: node_modules is the repository's, shared with Siliang.
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.cache' });\n");
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { z } from 'astro/zod';",
      "export const collections = { entries: defineCollection({ loader: glob({ base: './entries', pattern: '*.md' }), schema: z.object({ title: z.string() }) }) };",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[id].astro'),
    [
      '---',
      "import { getCollection, render } from 'astro:content';",
      'export async function getStaticPaths() {',
      "  return (await getCollection('entries')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));",
      '}',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>',
      '',
    ].join('\n'),
  );
  for (let i = 0; i < pages; i++) {
    writeFileSync(join(dir, 'entries', `e${i}.md`), `---\ntitle: 第 ${i} 页\n---\n\n这是第 ${i} 页。\n`);
  }
}

/** Builds the bare project, measured; its content-layer cache is removed first so that it starts cold. */
export async function buildFloor(dir: string, repoRoot: string): Promise<Measured> {
  rmSync(join(dir, '.astro'), { recursive: true, force: true });
  rmSync(join(dir, '.cache'), { recursive: true, force: true });
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  return measureCommand(process.execPath, [join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
