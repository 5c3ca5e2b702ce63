import type { Language } from '../api';

/** A text, or its plural forms chosen by `Intl.PluralRules` from the `count` parameter. */
export type Entry = string | { one: string; few?: string; many?: string; other: string };
export type Parameters = Record<string, string | number>;

/** The entry in the language, with `{name}` placeholders replaced by the parameters. */
export function translate(language: Language, entry: Entry, parameters: Parameters = {}): string {
  const template =
    typeof entry === 'string' ? entry : pluralForm(language, entry, Number(parameters.count ?? 0));
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = parameters[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? value.toLocaleString(language) : value;
  });
}

function pluralForm(language: Language, entry: Exclude<Entry, string>, count: number): string {
  const category = new Intl.PluralRules(language).select(count);
  if (category === 'one') return entry.one;
  if (category === 'few') return entry.few ?? entry.other;
  if (category === 'many') return entry.many ?? entry.other;
  return entry.other;
}
