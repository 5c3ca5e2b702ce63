import { describe, expect, it } from 'vitest';
import { nextLink, nextPageQuery } from './next-page.js';

describe('nextPageQuery', () => {
  const current = new URLSearchParams({ per_page: '2', page: '1', ref: 'main' });

  it('prefers the query of Link rel="next", whatever host GitLab put in it', () => {
    const headers = new Headers({
      link: '<https://gitlab.example/api/v4/x?page=1&page_token=abc&per_page=2>; rel="next", <https://gitlab.example/api/v4/x?page=1>; rel="first"',
      'x-next-page': '',
    });
    expect(nextPageQuery(headers, current)?.get('page_token')).toBe('abc');
  });

  it('falls back to x-next-page, and ends when it is empty', () => {
    expect(nextPageQuery(new Headers({ 'x-next-page': '2' }), current)?.toString()).toBe(
      'per_page=2&page=2&ref=main',
    );
    expect(nextPageQuery(new Headers({ 'x-next-page': '' }), current)).toBeUndefined();
    expect(nextPageQuery(new Headers(), current)).toBeUndefined();
  });

  it('reads rel among other relations and ignores prev/last', () => {
    expect(nextLink('<a>; rel="prev", <b>; rel="last"')).toBeUndefined();
    expect(nextLink('<a>; rel="prev next"')).toBe('a');
    expect(nextLink('<c>; rel=next')).toBe('c');
  });
});
