import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';
import { createTestSpravka, runSync } from '../../test-support/spravka.js';
import type { Spravka } from '../app.js';

describe('search with access control', () => {
  let spravka: Spravka;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    const test = await createTestSpravka();
    spravka = test.spravka;
    const open = temporaryDirectory();
    const engineering = temporaryDirectory();
    const personal = temporaryDirectory();
    cleanups.push(test.cleanup, open.cleanup, engineering.cleanup, personal.cleanup);
    writeTree(open.path, { 'vacation.md': '# Vacation policy\n\nRequest vacation in the HR portal.' });
    writeTree(engineering.path, {
      'deploy.md': '# Deploy\n\nThe vacation calendar service deploys with helm.',
    });
    writeTree(personal.path, { 'review.md': '# Review\n\nIvan vacation notes and salary review.' });
    spravka.addSource('open', 'folder', { path: open.path }, ['public']);
    spravka.addSource('eng', 'folder', { path: engineering.path }, ['group:eng']);
    spravka.addSource('hr', 'folder', { path: personal.path }, ['user:ivan', 'group:hr']);
    await runSync(spravka);
  });

  afterAll(() => {
    for (const cleanup of cleanups.reverse()) cleanup();
  });

  const uris = async (principals: string[], sources?: string[]) =>
    (await spravka.search({ query: 'vacation', k: 10, principals, ...(sources ? { sources } : {}) }))
      .map((result) => result.uri)
      .sort();

  it('shows anonymous callers only public documents', async () => {
    expect(await uris([])).toEqual(['vacation.md']);
  });

  it('adds documents of the caller groups and user', async () => {
    expect(await uris(['group:eng'])).toEqual(['deploy.md', 'vacation.md']);
    expect(await uris(['user:ivan'])).toEqual(['review.md', 'vacation.md']);
    expect(await uris(['group:hr', 'group:eng'])).toEqual(['deploy.md', 'review.md', 'vacation.md']);
  });

  it('never matches a principal by prefix or case', async () => {
    expect(await uris(['group:en', 'user:Ivan', 'group:eng2'])).toEqual(['vacation.md']);
  });

  it('filters by source name and rejects an unknown one', async () => {
    expect(await uris(['group:eng'], ['eng'])).toEqual(['deploy.md']);
    await expect(uris([], ['nope'])).rejects.toMatchObject({ code: 'source_not_found' });
  });

  it('rejects an empty query and a bad k with query_invalid', async () => {
    await expect(spravka.search({ query: '   ', k: 5, principals: [] })).rejects.toMatchObject({
      code: 'query_invalid',
    });
    await expect(spravka.search({ query: 'x', k: 0, principals: [] })).rejects.toMatchObject({
      code: 'query_invalid',
    });
  });

  it('answers a 10,000-character query without failing', async () => {
    const results = await spravka.search({
      query: `vacation ${'lorem ipsum '.repeat(900)}`,
      k: 5,
      principals: [],
    });
    expect(results.map((result) => result.uri)).toEqual(['vacation.md']);
  });

  it('treats FTS5 syntax in a query as plain words', async () => {
    for (const query of [
      '"vacation',
      'vacation* NEAR(policy) OR',
      'filter:(a1) vacation',
      '{title}: ^vacation -',
      'и или не',
    ]) {
      const results = await spravka.search({ query, k: 5, principals: [] });
      expect(results.every((result) => result.uri === 'vacation.md')).toBe(true);
    }
    const [hit] = await spravka.search({ query: 'filter : (a1 OR a2 OR a3) vacation', k: 5, principals: [] });
    expect(hit?.uri).toBe('vacation.md');
  });

  it('returns the contract fields', async () => {
    const [result] = await spravka.search({ query: 'vacation policy', k: 1, principals: [] });
    expect(result).toMatchObject({ rank: 1, source: 'open', uri: 'vacation.md', title: 'Vacation policy' });
    expect(typeof result?.score).toBe('number');
    expect(result?.text).toContain('HR portal');
  });
});
