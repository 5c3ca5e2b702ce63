import { describe, expect, it } from 'vitest';
import { GenerationalCache } from './generational-cache.js';

describe('GenerationalCache', () => {
  it('keeps entries that are used while older ones are dropped', () => {
    const cache = new GenerationalCache<number>(2);
    cache.set('often', 1);
    cache.set('once', 2);
    cache.set('a', 3); // 'often' and 'once' move to the previous generation
    expect(cache.get('often')).toBe(1); // used: back in the current generation
    cache.set('b', 4); // current is full: 'once' is dropped with the old previous generation
    expect(cache.get('once')).toBeUndefined();
    expect(cache.get('often')).toBe(1);
    expect(cache.get('b')).toBe(4);
    expect(cache.size).toBeLessThanOrEqual(4);
  });
});
