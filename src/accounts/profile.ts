import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';
import type { Role } from './types.js';

const ROLES: readonly Role[] = ['admin', 'user'];
const MAXIMUM_DISPLAY_NAME_LENGTH = 100;

/** The role, checked at run time too (callers may pass what a request said). */
export function validateRole(role: string): Role {
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new SpravkaError('query_invalid', text(`Unknown role "${role}".`, `Неизвестная роль «${role}».`), {
    hint: text('Use "admin" or "user".', 'Используйте «admin» или «user».'),
  });
}

/** The display name, trimmed; the login name when none is given. */
export function normalizeDisplayName(displayName: string | undefined, name: string): string {
  const trimmed = displayName?.trim() ?? '';
  if (trimmed.length > MAXIMUM_DISPLAY_NAME_LENGTH) {
    throw new SpravkaError(
      'query_invalid',
      text(
        `The display name is too long: at most ${MAXIMUM_DISPLAY_NAME_LENGTH} characters.`,
        `Отображаемое имя слишком длинное: не больше ${MAXIMUM_DISPLAY_NAME_LENGTH} символов.`,
      ),
    );
  }
  return trimmed || name;
}
