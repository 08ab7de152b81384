import { isAbsolute, resolve } from 'node:path';

/** The environment variable that points the build at another content folder. */
export const CONTENT_ENV = 'SILIANG_CONTENT';

/**
 * The content folder to build: the explicit option, else $SILIANG_CONTENT,
 * else `content/` in the project. Relative paths are taken from `cwd`, so an
 * organisation can keep its content in its own repository and point at it.
 */
export function resolveContentDir(option: string | undefined, cwd: string, env: Record<string, string | undefined> = process.env): string {
  const chosen = option ?? env[CONTENT_ENV] ?? 'content';
  return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
}
