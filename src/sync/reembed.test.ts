import { afterEach, describe, expect, it } from 'vitest';
import { TINY_MODEL2VEC, temporaryDirectory, writeTree } from '../../test-support/files.js';
import { runSync } from '../../test-support/spravka.js';
import { Spravka } from '../app.js';
import { loadConfig } from '../config/index.js';

describe('vectors follow the configured embedder', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  it('embeds every chunk when a model is switched on, and hybrid search finds meaning without shared words', async () => {
    const work = temporaryDirectory();
    cleanups.push(work.cleanup);
    writeTree(work.path, {
      'docs/account.md': '# Account help\n\nSteps to recover a forgotten account login.',
      'docs/cluster.md': '# Cluster\n\nKubernetes pod scheduling across nodes and taints.',
      'docs/meals.md': '# Canteen\n\nThe canteen serves soup and salad at noon.',
    });
    const dataDir = `${work.path}/data`;
    const lexical = await Spravka.create(loadConfig({ SPRAVKA_DATA_DIR: dataDir }));
    lexical.addSource('docs', 'folder', { path: `${work.path}/docs` }, ['public']);
    await runSync(lexical);
    expect(lexical.index.statistics()).toMatchObject({ documents: 3, vectors: 0 });
    expect(await lexical.search({ query: 'reset my password', k: 3, principals: [] })).toEqual([]);
    lexical.close();

    const hybrid = await Spravka.create(
      loadConfig({ SPRAVKA_DATA_DIR: dataDir, SPRAVKA_EMBEDDER: `model2vec:${TINY_MODEL2VEC}` }),
    );
    cleanups.push(() => hybrid.close());
    const { events, reports } = await runSync(hybrid);
    const statistics = hybrid.index.statistics();
    expect(statistics.vectors).toBe(statistics.chunks);
    expect(hybrid.index.vectorModel()?.id).toBe(hybrid.embedder?.id);
    expect(events.filter((event) => event.type === 'embedding').at(-1)).toMatchObject({
      done: statistics.chunks,
    });
    expect(reports[0]).toMatchObject({ unchanged: 3, added: 0 });

    const results = await hybrid.search({ query: 'reset my password', k: 3, principals: [] });
    expect(results[0]?.uri).toBe('account.md');
    // Still filtered by ACL inside the vector scan: a restricted source stays invisible.
    const secret = temporaryDirectory();
    cleanups.push(secret.cleanup);
    writeTree(secret.path, { 'passwords.md': '# Password vault\n\nHow to reset a password in the vault.' });
    hybrid.addSource('vault', 'folder', { path: secret.path }, ['group:security']);
    await runSync(hybrid, ['vault']);
    const anonymous = await hybrid.search({ query: 'reset my password', k: 5, principals: [] });
    expect(anonymous.map((result) => result.uri)).not.toContain('passwords.md');
    const security = await hybrid.search({
      query: 'reset my password',
      k: 5,
      principals: ['group:security'],
    });
    expect(security[0]?.uri).toBe('passwords.md');
  });
});
