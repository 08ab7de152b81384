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

/**
 * The string for `key` cut at its `{name}` slots: text, and the names of
 * the slots in between, for a component that puts markup in them (a value
 * in <strong>, a file name in <code>) while the words stay here.
 */
export function tParts(key: UiKey, locale: Locale = 'zh-CN'): Array<string | { slot: string }> {
  const text: string = dictionaries[locale][key];
  return text
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => (/^\{\w+\}$/.test(part) ? { slot: part.slice(1, -1) } : part));
}
