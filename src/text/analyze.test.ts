import { describe, expect, it } from 'vitest';
import { analyze, analyzeQuery, splitIdentifier } from './analyze.js';
import { countTokens } from './tokens.js';

describe('analyze', () => {
  it('stems Russian and English words to shared stems', () => {
    expect(analyze('настройка настройки')).toEqual(['настройк', 'настройк']);
    expect(analyze('configuring configured')).toEqual(['configur', 'configur']);
  });

  it('splits code identifiers and keeps the whole identifier', () => {
    expect(splitIdentifier('getUserById')).toEqual(['get', 'User', 'By', 'Id']);
    expect(splitIdentifier('parse_http_header')).toEqual(['parse', 'http', 'header']);
    expect(analyze('PaymentIntent')).toEqual(['paymentint', 'payment', 'intent']);
  });

  it('drops stop words in both languages and normalises ё', () => {
    expect(analyze('Как это сделать и где the file is')).toEqual(['сдела', 'file']);
    expect(analyze('Ёлка')).toEqual(analyze('елка'));
  });

  it('gives distinct query terms in order', () => {
    expect(analyzeQuery('merge merging branch')).toEqual(['merg', 'branch']);
  });

  it('survives a 10,000-character query', () => {
    expect(analyzeQuery('x'.repeat(10_000))).toEqual([]);
    expect(analyzeQuery('word '.repeat(2_000))).toEqual(['word']);
  });
});

describe('countTokens', () => {
  it('counts words and punctuation, long words as several tokens', () => {
    expect(countTokens('a b c')).toBe(3);
    expect(countTokens('hello, world')).toBe(3);
    expect(countTokens('internationalization')).toBe(4);
    expect(countTokens('')).toBe(0);
  });
});
