/** Settings read from the environment. */

/**
 * A positive whole number from `env[name]`, or `fallback` when it is unset
 * or blank; anything else is an error that says what the setting is for.
 */
export function positiveIntegerSetting(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, meaning: string): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} 应为正整数（${meaning}），现在是“${raw}”。`);
  return value;
}
