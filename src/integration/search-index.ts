/**
 * Builds the Pagefind search index over the finished site, through
 * Pagefind's Node API. Only pages marked with data-pagefind-body (services,
 * people, duties, pledges, notices) are indexed, and only their main
 * content. Any error Pagefind reports fails the build, so a site never goes
 * out with a broken or missing index.
 */
import * as pagefind from 'pagefind';
import { join } from 'node:path';

export interface SearchIndexResult {
  pages: number;
  outputPath: string;
}

function fail(step: string, errors: readonly string[]): never {
  throw new Error(`搜索索引生成失败（${step}）：${errors.join('；')}`);
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({});
    if (created.errors.length > 0 || !created.index) fail('createIndex', created.errors);
    const { index } = created;
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) fail('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) fail('writeFiles', written.errors);
    return { pages: added.page_count, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}
