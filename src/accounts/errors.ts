import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';

/** The failures of account management, each with its stable code and both languages. */
export function unknownUser(userId: number): SpravkaError {
  return new SpravkaError(
    'not_found',
    text(`There is no user with id ${userId}.`, `Пользователя с id ${userId} нет.`),
  );
}

export function userExists(name: string): SpravkaError {
  return new SpravkaError(
    'user_exists',
    text(`A user named "${name}" already exists.`, `Пользователь «${name}» уже есть.`),
    { hint: text('Choose another name.', 'Выберите другое имя.') },
  );
}

export function lastAdmin(): SpravkaError {
  return new SpravkaError(
    'last_admin',
    text(
      'This would leave no enabled administrator, and nobody could manage spravka any more.',
      'Тогда не останется ни одного активного администратора, и управлять spravka будет некому.',
    ),
    {
      hint: text(
        'Make another user an administrator first.',
        'Сначала назначьте администратором другого пользователя.',
      ),
    },
  );
}
