import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';
import { translate } from './translate';

describe('translate', () => {
  it('chooses Russian plural forms', () => {
    const entry = ru['sources.summary'];
    expect([1, 3, 5, 21].map((count) => translate('ru', entry, { count }))).toEqual([
      '1 источник',
      '3 источника',
      '5 источников',
      '21 источник',
    ]);
    expect(translate('en', en['sources.summary'], { count: 1 })).toBe('1 source');
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (entry: unknown) =>
      [...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect([key, ...new Set(placeholders(ru[key]))]).toEqual([key, ...new Set(placeholders(en[key]))]);
    }
  });
});
