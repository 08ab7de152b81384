import { isAbsolute, resolve } from 'node:path';
import { environmentText, OPTION_DEFAULTS, type Env } from '../options.ts';

/**
 * The content folder to build: the explicit option, else $SILIANG_CONTENT,
 * else `content/` in the project. Relative paths are taken from `cwd`, so an
 * organisation can keep its content in its own repository and point at it.
 */
export function resolveContentDir(option: string | undefined, cwd: string, env?: Env): string {
  const chosen = option ?? environmentText('content', env) ?? OPTION_DEFAULTS.content;
  return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
}
