import { describe, expect, it } from 'vitest';
import { hashPassword, UNKNOWN_USER_HASH, validatePassword, verifyPasswordHash } from './password.js';

describe('password hashing', () => {
  it('stores scrypt parameters, salt and key, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPasswordHash('correct horse battery', hash)).toBe(true);
    expect(await verifyPasswordHash('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('treats composed and decomposed letters as the same password', async () => {
    const hash = await hashPassword('пароль ёлка');
    expect(await verifyPasswordHash('пароль е\u0308лка', hash)).toBe(true);
  });

  it('matches nothing against the unknown-user hash, after doing the same work', async () => {
    const started = performance.now();
    expect(await verifyPasswordHash('anything at all', UNKNOWN_USER_HASH)).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(5);
  });

  it('matches nothing against a malformed or tampered hash', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPasswordHash('correct horse battery', 'plain-text')).toBe(false);
    expect(await verifyPasswordHash('correct horse battery', hash.replace('$32768$', '$1073741824$'))).toBe(
      false,
    );
    expect(await verifyPasswordHash('correct horse battery', `${hash}$extra`)).toBe(false);
  });

  it('refuses passwords shorter than 8 characters, counting letters not bytes', () => {
    expect(() => validatePassword('short')).toThrow(
      expect.objectContaining({
        code: 'query_invalid',
        text: expect.objectContaining({ ru: expect.stringMatching(/не меньше 8 символов/) }),
      }),
    );
    expect(() => validatePassword('пароль1')).toThrow(/at least 8 characters/);
    expect(() => validatePassword('пароль12')).not.toThrow();
  });
});
