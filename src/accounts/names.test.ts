import { describe, expect, it } from 'vitest';
import { normalizeGroups, normalizeName, parseName } from './names.js';

describe('user and group names', () => {
  it('lower-cases and trims names', () => {
    expect(normalizeName(' Ivan.Petrov ', 'user')).toBe('ivan.petrov');
    expect(normalizeName('a', 'user')).toBe('a');
    expect(normalizeName(`a${'b'.repeat(62)}`, 'user')).toHaveLength(63);
  });

  it('refuses what cannot be a principal, in both languages', () => {
    for (const name of ['', '-ivan', 'ivan petrov', 'иван', 'ivan:admin', 'a,b', `a${'b'.repeat(63)}`]) {
      expect(parseName(name)).toBeUndefined();
      expect(() => normalizeName(name, 'user')).toThrow(/is not allowed/);
    }
    expect(() => normalizeName('иван', 'group')).toThrow(
      expect.objectContaining({
        code: 'query_invalid',
        text: expect.objectContaining({ ru: 'Имя группы «иван» недопустимо.' }),
      }),
    );
  });

  it('normalizes groups without repeats, sorted', () => {
    expect(normalizeGroups(['Ops', 'eng', 'ops'])).toEqual(['eng', 'ops']);
  });
});
