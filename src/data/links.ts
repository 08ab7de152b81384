/**
 * Links inside the site. The base path comes from the Siliang integration's
 * build context rather than `import.meta.env.BASE_URL`, because Astro lets a
 * stray BASE_URL environment variable (which some CI systems and Vitest set)
 * override the configured base in page code while assets keep the real one.
 */
import context from 'virtual:siliang/context';
import { withBase } from '#lib/urls.ts';

/** The address of a site path (from `paths`) under the base path. */
export function href(path: string): string {
  return withBase(context.base, path);
}

/** The base path, `/` or like `/gongkai/`. */
export const base = context.base;
