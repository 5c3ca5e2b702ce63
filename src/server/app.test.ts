import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';
import { createTestSpravka, runSync } from '../../test-support/spravka.js';
import type { Spravka } from '../app.js';
import { createServerApp } from './app.js';

describe('HTTP API', () => {
  let spravka: Spravka;
  let app: ReturnType<typeof createServerApp>;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    const test = await createTestSpravka();
    spravka = test.spravka;
    const folder = temporaryDirectory();
    cleanups.push(test.cleanup, folder.cleanup);
    writeTree(folder.path, {
      'backup.md': '# Backups\n\nRun the nightly backup with restic.',
      'private/keys.md': '# Keys\n\nThe backup encryption keys.',
    });
    spravka.addSource('wiki', 'folder', { path: folder.path, exclude: ['private/**'] }, ['public']);
    spravka.addSource('vault', 'folder', { path: `${folder.path}/private` }, ['group:admins']);
    await runSync(spravka);
    app = createServerApp({ spravka });
  });

  afterAll(() => {
    for (const cleanup of cleanups.reverse()) cleanup();
  });

  it('answers /healthz', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', documents: 2 });
  });

  it('returns the CLI search JSON, public documents only', async () => {
    const response = await app.request('/api/search?q=backup&k=5');
    expect(response.status).toBe(200);
    const results = (await response.json()) as Array<{ uri: string; rank: number; source: string }>;
    expect(results.map((result) => result.uri)).toEqual(['backup.md']);
    expect(results[0]).toMatchObject({ rank: 1, source: 'wiki' });
    const direct = await spravka.search({ query: 'backup', k: 5, principals: [] });
    expect(results).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('cannot be talked into other principals by parameters', async () => {
    const response = await app.request('/api/search?q=keys&as=group:admins&principals=group:admins');
    expect(await response.json()).toEqual([]);
  });

  it('maps bad requests to 400/404 with a localized JSON error', async () => {
    const empty = await app.request('/api/search?q=');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      error: { code: 'query_invalid', message: 'The query is empty.' },
    });
    const russian = await app.request('/api/search?q=x&k=abc', {
      headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
    });
    expect(russian.status).toBe(400);
    expect(((await russian.json()) as { error: { message: string } }).error.message).toMatch(/целым/);
    const tooMany = await app.request('/api/search?q=x&k=100000');
    expect(tooMany.status).toBe(400);
    const unknownSource = await app.request('/api/search?q=x&source=nope');
    expect(unknownSource.status).toBe(404);
    expect((await app.request('/nowhere')).status).toBe(404);
  });
});
