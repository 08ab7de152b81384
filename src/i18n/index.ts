import { zhCN, type UiKey } from './zh-CN.ts';

const dictionaries = { 'zh-CN': zhCN } as const;
export type Locale = keyof typeof dictionaries;

/** The interface string for `key` in `locale`. */
export function t(key: UiKey, locale: Locale = 'zh-CN'): string {
  return dictionaries[locale][key];
}
export type { UiKey };
