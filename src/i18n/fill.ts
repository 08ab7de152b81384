/**
 * Fills the `{name}` placeholders of an interface string. Kept apart from the
 * dictionaries so that a browser script, which receives its strings from the
 * page already translated, imports this function and no dictionary.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  // A placeholder without a value stays as written: a missing word shows rather than silently vanishing.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
