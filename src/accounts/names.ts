import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';

/** Login and group names: they become the `user:NAME` and `group:NAME` principals. */
const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export type NameKind = 'user' | 'group';

/** The name in its stored form (trimmed, lower-cased); fails with `query_invalid` when it is not allowed. */
export function normalizeName(value: string, kind: NameKind): string {
  const name = parseName(value);
  if (name !== undefined) return name;
  const what = kind === 'user' ? text('user name', 'Имя пользователя') : text('group name', 'Имя группы');
  throw new SpravkaError(
    'query_invalid',
    text(`The ${what.en} "${value}" is not allowed.`, `${what.ru} «${value}» недопустимо.`),
    {
      hint: text(
        'Use 1 to 63 lower-case Latin letters, digits, ".", "_" or "-", starting with a letter or a digit.',
        'Используйте от 1 до 63 строчных латинских букв, цифр, «.», «_» или «-»; первый символ — буква или цифра.',
      ),
    },
  );
}

/** The name in its stored form, or undefined when it is not allowed. */
export function parseName(value: string): string | undefined {
  const name = value.trim().toLowerCase();
  return NAME_PATTERN.test(name) ? name : undefined;
}

/** Group names, normalized, without repeats, sorted. */
export function normalizeGroups(groups: readonly string[]): string[] {
  return [...new Set(groups.map((group) => normalizeName(group, 'group')))].sort();
}
