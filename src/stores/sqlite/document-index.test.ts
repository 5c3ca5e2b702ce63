import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../test-support/files.js';
import { randomUnitVector, seededRandom } from '../../bench/synthetic.js';
import type { ChunkToIndex } from '../types.js';
import { SqliteCatalog } from './catalog.js';
import { openDatabase } from './database.js';
import { SqliteDocumentIndex } from './document-index.js';

const DIMENSION = 64;

function chunk(number: number, vector: Float32Array): ChunkToIndex {
  return {
    index: 0,
    text: `chunk ${number}`,
    headingPath: [],
    tokens: 2,
    contentHash: String(number),
    url: undefined,
    lexical: { title: '', path: '', headings: '', body: `chunk n${number}` },
    vector,
  };
}

describe('SQLite document index', () => {
  const work = temporaryDirectory();
  const database = openDatabase(join(work.path, 'spravka.db'));
  const index = new SqliteDocumentIndex(database);
  const source = new SqliteCatalog(database).addSource({
    name: 's',
    type: 'folder',
    settings: {},
    acl: ['public'],
  });
  const random = seededRandom(7);
  const vectors = Array.from({ length: 400 }, () => randomUnitVector(random, DIMENSION));
  index.resetVectors({ id: 'test', dimension: DIMENSION });
  vectors.forEach((vector, number) => {
    index.replaceDocument(
      {
        sourceId: source.id,
        uri: `doc-${number}`,
        fingerprint: String(number),
        contentHash: String(number),
        version: '1',
        title: `Doc ${number}`,
        kind: 'prose',
        language: undefined,
        url: undefined,
        acl: number % 2 === 0 ? ['public'] : ['group:secret'],
        size: 1,
      },
      [chunk(number, vector)],
    );
  });
  const uriOf = database.prepare('SELECT uri FROM documents WHERE id = ?').pluck();
  const numberOf = (documentId: number) => Number((uriOf.get(documentId) as string).slice(4));
  afterAll(() => {
    database.close();
    work.cleanup();
  });

  it('finds a stored vector first, with cosine distances in order', () => {
    const hits = index.searchVectors(vectors[42] as Float32Array, { principals: ['public'] }, 10);
    expect(numberOf(hits[0]?.documentId as number)).toBe(42);
    expect(hits[0]?.score).toBeCloseTo(0, 5);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((left, right) => left - right));
  });

  it('applies the ACL inside the vector scan and the lexical match', () => {
    const hits = index.searchVectors(vectors[43] as Float32Array, { principals: ['public'] }, 50);
    expect(hits).toHaveLength(50);
    for (const hit of hits) expect(numberOf(hit.documentId) % 2).toBe(0);
    const secret = index.searchVectors(vectors[43] as Float32Array, { principals: ['group:secret'] }, 1);
    expect(numberOf(secret[0]?.documentId as number)).toBe(43);
    expect(index.searchVectors(vectors[43] as Float32Array, { principals: ['group:none'] }, 5)).toEqual([]);
    expect(index.searchLexical([{ term: 'n43', prefix: false }], { principals: ['public'] }, 5)).toEqual([]);
    expect(
      index.searchLexical([{ term: 'n43', prefix: false }], { principals: ['group:secret'] }, 5),
    ).toHaveLength(1);
  });

  it('forgets a deleted document everywhere', () => {
    const [hit] = index.searchVectors(vectors[44] as Float32Array, { principals: ['public'] }, 1);
    index.deleteDocument(hit?.documentId as number);
    const count = (table: string) => database.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count('chunk_vectors')).toBe(399);
    expect(count('chunks')).toBe(399);
    expect(index.searchLexical([{ term: 'n44', prefix: false }], { principals: ['public'] }, 5)).toEqual([]);
  });
});
