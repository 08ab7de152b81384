import { fill } from './fill.ts';
import { zhCN, type UiKey } from './zh-CN.ts';

const dictionaries = { 'zh-CN': zhCN } as const;
export type Locale = keyof typeof dictionaries;

/**
 * The interface string for `key` in `locale`, with each `{name}` in it
 * replaced by `vars.name`: the words around a value stay in the dictionary,
 * where another locale may put them in another order.
 */
export function t(key: UiKey, vars: Readonly<Record<string, string | number>> = {}, locale: Locale = 'zh-CN'): string {
  return fill(dictionaries[locale][key], vars);
}
export { fill };
export type { UiKey };
