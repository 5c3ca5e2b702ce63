import type Database from 'better-sqlite3';
import { embeddingText } from '../../domain/embedding-text.js';
import type { Principal } from '../../domain/types.js';
import type {
  ChunkHit,
  ChunkToIndex,
  DocumentIndex,
  DocumentToIndex,
  IndexedDocumentState,
  IndexStatistics,
  LexicalTerm,
  SearchFilter,
  StoredChunk,
  VectorModel,
} from '../types.js';
import type { SqliteDatabase } from './database.js';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * Terms in more than this share of chunks (measured: 0.2 kept recall, 0.1 lost it) are left out of a lexical query (when rarer terms remain):
 * their IDF is near zero, so they barely move the ranking, yet FTS5 must score every row they match.
 */
const COMMON_TERM_SHARE = 0.2;
const CHUNK_COUNT_TTL_MS = 30_000;

/** Lexical field weights for bm25: title, path, headings, body, filter (never scored). */
const FIELD_WEIGHTS = '10.0, 10.0, 3.0, 1.0, 0.0';
const VECTOR_MODEL_KEY = 'vector_model';

interface ChunkForEmbedding {
  chunkId: number;
  contentHash: string;
  title: string;
  headingPath: string;
  text: string;
}

/**
 * Documents, chunks, the FTS5 lexical index and the sqlite-vec vector index in one SQLite file.
 * Every write of a document is one transaction across all of them.
 */
export class SqliteDocumentIndex implements DocumentIndex {
  private readonly aclIds = new Map<string, number>();
  private chunkCount = { value: 0, at: Number.NEGATIVE_INFINITY };

  /** Prepared statements by SQL text: preparing costs more than running most of these queries. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly database: SqliteDatabase) {}

  private statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      // SQL with inlined id lists varies; keep the cache bounded.
      if (this.statements.size > 500) this.statements.clear();
      prepared = this.database.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  documentStates(sourceId: number): Map<string, IndexedDocumentState> {
    const rows = this.statement(
      'SELECT id, uri, fingerprint, content_hash AS contentHash FROM documents WHERE source_id = ?',
    ).all(sourceId) as Array<IndexedDocumentState & { uri: string }>;
    return new Map(rows.map(({ uri, ...state }) => [uri, state]));
  }

  /** Records a new fingerprint for a document whose content turned out to be the same. */
  updateFingerprint(documentId: number, fingerprint: string): void {
    this.statement('UPDATE documents SET fingerprint = ? WHERE id = ?').run(fingerprint, documentId);
  }

  /** Writes a document and its chunks, replacing what was there, atomically. */
  replaceDocument(document: DocumentToIndex, chunks: ChunkToIndex[]): 'added' | 'updated' {
    return this.database.transaction(() => {
      const existing = this.statement('SELECT id FROM documents WHERE source_id = ? AND uri = ?').get(
        document.sourceId,
        document.uri,
      ) as { id: number } | undefined;
      if (existing) this.removeChunks(existing.id);
      const aclId = this.aclId(document.acl);
      const values = [
        document.fingerprint,
        document.contentHash,
        document.version,
        document.title,
        document.kind,
        document.language ?? null,
        document.url ?? null,
        aclId,
        document.size,
        chunks.length,
        new Date().toISOString(),
      ];
      let documentId: number;
      if (existing) {
        documentId = existing.id;
        this.statement(
          `UPDATE documents SET fingerprint = ?, content_hash = ?, version = ?, title = ?, kind = ?, language = ?,
             url = ?, acl_id = ?, size = ?, chunk_count = ?, indexed_at = ? WHERE id = ?`,
        ).run(...values, documentId);
      } else {
        const info = this.statement(
          `INSERT INTO documents (fingerprint, content_hash, version, title, kind, language, url, acl_id, size,
             chunk_count, indexed_at, source_id, uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(...values, document.sourceId, document.uri);
        documentId = Number(info.lastInsertRowid);
      }
      this.insertChunks(documentId, document.sourceId, aclId, chunks);
      return existing ? 'updated' : 'added';
    })();
  }

  private insertChunks(documentId: number, sourceId: number, aclId: number, chunks: ChunkToIndex[]): void {
    const insertChunk = this.statement(
      `INSERT INTO chunks (document_id, position, text, heading_path, symbol, start_line, end_line, tokens,
       content_hash, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLexical = this.statement(
      'INSERT INTO chunks_fts (rowid, title, path, headings, body, filter) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const model = this.vectorModel();
    const filterTokens = `a${aclId} s${sourceId}`;
    for (const chunk of chunks) {
      const info = insertChunk.run(
        documentId,
        chunk.index,
        chunk.text,
        JSON.stringify(chunk.headingPath),
        chunk.symbol ?? null,
        chunk.startLine ?? null,
        chunk.endLine ?? null,
        chunk.tokens,
        chunk.contentHash,
        chunk.url ?? null,
      );
      const chunkId = info.lastInsertRowid;
      const { title, path, headings, body } = chunk.lexical;
      insertLexical.run(chunkId, title, path, headings, body, filterTokens);
      if (model && chunk.vector) this.insertVector(BigInt(chunkId), chunk.vector, aclId, sourceId);
    }
  }

  private insertVector(chunkId: bigint, vector: Float32Array, aclId: number, sourceId: number): void {
    this.statement(
      'INSERT INTO chunk_vectors (chunk_id, embedding, acl_id, source_id) VALUES (?, ?, ?, ?)',
    ).run(chunkId, vectorBytes(vector), BigInt(aclId), BigInt(sourceId));
  }

  private removeChunks(documentId: number): void {
    const ids = this.statement('SELECT id FROM chunks WHERE document_id = ?')
      .pluck()
      .all(documentId) as number[];
    const deleteLexical = this.statement('DELETE FROM chunks_fts WHERE rowid = ?');
    const deleteVector = this.vectorModel()
      ? this.statement('DELETE FROM chunk_vectors WHERE chunk_id = ?')
      : undefined;
    for (const id of ids) {
      deleteLexical.run(id);
      deleteVector?.run(BigInt(id));
    }
    this.statement('DELETE FROM chunks WHERE document_id = ?').run(documentId);
  }

  /** Deletes one document and everything indexed for it, atomically. */
  deleteDocument(documentId: number): void {
    this.database.transaction(() => {
      this.removeChunks(documentId);
      this.statement('DELETE FROM documents WHERE id = ?').run(documentId);
    })();
  }

  /** Deletes every document of a source (call inside the caller's transaction). */
  deleteSourceDocuments(sourceId: number): void {
    const ids = this.statement('SELECT id FROM documents WHERE source_id = ?')
      .pluck()
      .all(sourceId) as number[];
    for (const id of ids) this.deleteDocument(id);
  }

  /** The id of an ACL (a sorted set of principals), registering it on first use. */
  aclId(acl: Principal[]): number {
    const principals = [...new Set(acl)].sort();
    const canonical = JSON.stringify(principals);
    const cached = this.aclIds.get(canonical);
    if (cached !== undefined) return cached;
    let id = this.statement('SELECT id FROM acls WHERE canonical = ?').pluck().get(canonical) as
      | number
      | undefined;
    if (id === undefined) {
      id = Number(this.statement('INSERT INTO acls (canonical) VALUES (?)').run(canonical).lastInsertRowid);
      const insert = this.statement('INSERT INTO acl_principals (acl_id, principal) VALUES (?, ?)');
      for (const principal of principals) insert.run(id, principal);
    }
    this.aclIds.set(canonical, id);
    return id;
  }

  /** Ids of the ACLs that any of the principals satisfies. */
  aclIdsFor(principals: Principal[]): number[] {
    if (principals.length === 0) return [];
    const placeholders = principals.map(() => '?').join(', ');
    return this.statement(`SELECT DISTINCT acl_id FROM acl_principals WHERE principal IN (${placeholders})`)
      .pluck()
      .all(...principals) as number[];
  }

  /** Drops near-universal terms, keeping every term when all of them are common. */
  private withoutCommonTerms(terms: LexicalTerm[]): LexicalTerm[] {
    const now = performance.now();
    if (now - this.chunkCount.at > CHUNK_COUNT_TTL_MS) {
      this.chunkCount = {
        value: this.statement('SELECT count(*) FROM chunks').pluck().get() as number,
        at: now,
      };
    }
    const limit = this.chunkCount.value * COMMON_TERM_SHARE;
    if (this.chunkCount.value < 1000) return terms;
    const frequency = this.statement('SELECT doc FROM chunks_fts_terms WHERE term = ?').pluck();
    const kept = terms.filter(
      (term) => term.prefix || ((frequency.get(term.term) as number | undefined) ?? 0) <= limit,
    );
    return kept.length > 0 ? kept : terms;
  }

  /** True when the given ACL ids are all the ACLs there are, so filtering by them changes nothing. */
  private coversEveryAcl(aclIds: number[]): boolean {
    const total = this.statement('SELECT count(*) FROM acls').pluck().get() as number;
    return aclIds.length >= total;
  }

  /** Best chunks for OR-ed terms, restricted to what the filter allows before ranking. */
  searchLexical(terms: LexicalTerm[], filter: SearchFilter, limit: number): ChunkHit[] {
    const aclIds = this.aclIdsFor(filter.principals);
    if (terms.length === 0 || aclIds.length === 0 || filter.sourceIds?.length === 0) return [];
    const query = this.withoutCommonTerms(terms)
      .map(({ term, prefix }) => `"${term.replaceAll('"', '""')}"${prefix ? '*' : ''}`)
      .join(' OR ');
    let match = `{title path headings body} : (${query})`;
    // Intersecting with an ACL token that every row has is pure cost; skip it when the caller may read all.
    if (!this.coversEveryAcl(aclIds))
      match = `filter : (${aclIds.map((id) => `a${id}`).join(' OR ')}) AND ${match}`;
    if (filter.sourceIds) match += ` AND filter : (${filter.sourceIds.map((id) => `s${id}`).join(' OR ')})`;
    return this.statement(
      `SELECT hit.chunkId, chunks.document_id AS documentId, hit.score FROM (
           SELECT rowid AS chunkId, bm25(chunks_fts, ${FIELD_WEIGHTS}) AS score FROM chunks_fts
           WHERE chunks_fts MATCH ? ORDER BY score LIMIT ?
         ) AS hit JOIN chunks ON chunks.id = hit.chunkId ORDER BY hit.score`,
    ).all(match, limit) as ChunkHit[];
  }

  vectorModel(): VectorModel | undefined {
    const row = this.statement('SELECT value FROM meta WHERE key = ?').get(VECTOR_MODEL_KEY) as
      | { value: string }
      | undefined;
    return row ? (JSON.parse(row.value) as VectorModel) : undefined;
  }

  /** Drops all vectors and prepares the vector index for another model (or none). */
  resetVectors(model: VectorModel | undefined): void {
    this.database.transaction(() => {
      this.database.exec('DROP TABLE IF EXISTS chunk_vectors');
      if (model) {
        if (!Number.isInteger(model.dimension) || model.dimension <= 0 || model.dimension > 8192) {
          throw new RangeError(`invalid embedding dimension ${model.dimension}`);
        }
        this.database.exec(
          `CREATE VIRTUAL TABLE chunk_vectors USING vec0 (chunk_id INTEGER PRIMARY KEY,
           embedding float[${model.dimension}] distance_metric=cosine, acl_id INTEGER, source_id INTEGER)`,
        );
        this.statement('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
          VECTOR_MODEL_KEY,
          JSON.stringify(model),
        );
      } else {
        this.statement('DELETE FROM meta WHERE key = ?').run(VECTOR_MODEL_KEY);
      }
    })();
  }

  /** Chunks after `afterChunkId` that have no vector yet (after a model change), in id order. */
  chunksWithoutVectors(
    afterChunkId: number,
    limit: number,
  ): Array<{ chunkId: number; embeddingText: string; contentHash: string }> {
    return this.statement(
      `SELECT chunks.id AS chunkId, chunks.content_hash AS contentHash, documents.title AS title,
           chunks.heading_path AS headingPath, chunks.text AS text
         FROM chunks JOIN documents ON documents.id = chunks.document_id
         WHERE chunks.id > ? AND NOT EXISTS (SELECT 1 FROM chunk_vectors WHERE chunk_vectors.chunk_id = chunks.id)
         ORDER BY chunks.id LIMIT ?`,
    )
      .all(afterChunkId, limit)
      .map((row) => {
        const { chunkId, contentHash, title, headingPath, text } = row as ChunkForEmbedding;
        return {
          chunkId,
          contentHash,
          embeddingText: embeddingText({ title, headingPath: JSON.parse(headingPath) as string[], text }),
        };
      });
  }

  /** Stores vectors for existing chunks (after a model change), atomically per batch. */
  addVectors(vectors: Array<{ chunkId: number; vector: Float32Array }>): void {
    const lookup = this.statement(
      'SELECT documents.acl_id AS aclId, documents.source_id AS sourceId FROM chunks JOIN documents ON documents.id = chunks.document_id WHERE chunks.id = ?',
    );
    this.database.transaction(() => {
      for (const { chunkId, vector } of vectors) {
        const row = lookup.get(chunkId) as { aclId: number; sourceId: number } | undefined;
        if (row) this.insertVector(BigInt(chunkId), vector, row.aclId, row.sourceId);
      }
    })();
  }

  /** Nearest chunks by cosine distance, restricted by the filter inside the KNN scan. */
  searchVectors(vector: Float32Array, filter: SearchFilter, limit: number): ChunkHit[] {
    if (!this.vectorModel()) return [];
    const aclIds = this.aclIdsFor(filter.principals);
    if (aclIds.length === 0 || filter.sourceIds?.length === 0) return [];
    const conditions = ['1'];
    const parameters: unknown[] = [vectorBytes(vector), limit];
    if (!this.coversEveryAcl(aclIds)) {
      conditions.push(`acl_id IN (${aclIds.map(() => '?').join(', ')})`);
      parameters.push(...aclIds.map(BigInt));
    }
    if (filter.sourceIds) {
      conditions.push(`source_id IN (${filter.sourceIds.map(() => '?').join(', ')})`);
      parameters.push(...filter.sourceIds.map(BigInt));
    }
    return this.statement(
      `SELECT hit.chunk_id AS chunkId, chunks.document_id AS documentId, hit.distance AS score FROM (
           SELECT chunk_id, distance FROM chunk_vectors WHERE embedding MATCH ? AND k = ? AND ${conditions.join(' AND ')}
         ) AS hit JOIN chunks ON chunks.id = hit.chunk_id ORDER BY hit.distance`,
    ).all(...parameters) as ChunkHit[];
  }

  cachedEmbeddings(model: string, hashes: string[]): Map<string, Float32Array> {
    const select = this.statement('SELECT vector FROM embedding_cache WHERE model = ? AND content_hash = ?');
    const result = new Map<string, Float32Array>();
    for (const hash of hashes) {
      const row = select.get(model, hash) as { vector: Buffer } | undefined;
      if (row) result.set(hash, fromBytes(row.vector));
    }
    return result;
  }

  cacheEmbeddings(model: string, entries: Array<[string, Float32Array]>): void {
    const insert = this.statement(
      'INSERT OR REPLACE INTO embedding_cache (model, content_hash, vector) VALUES (?, ?, ?)',
    );
    this.database.transaction(() => {
      for (const [hash, vector] of entries) insert.run(model, hash, vectorBytes(vector));
    })();
  }

  loadChunks(chunkIds: number[]): Map<number, StoredChunk> {
    const select = this.statement(
      `SELECT chunks.id AS chunkId, chunks.document_id AS documentId, sources.name AS sourceName, documents.uri,
         documents.title, chunks.text, chunks.heading_path AS headingPath, chunks.symbol, chunks.start_line AS startLine,
         chunks.end_line AS endLine, chunks.url, documents.url AS documentUrl, documents.kind, documents.language
       FROM chunks JOIN documents ON documents.id = chunks.document_id JOIN sources ON sources.id = documents.source_id
       WHERE chunks.id = ?`,
    );
    const result = new Map<number, StoredChunk>();
    for (const id of chunkIds) {
      const row = select.get(id) as (Omit<StoredChunk, 'headingPath'> & { headingPath: string }) | undefined;
      if (row) result.set(id, { ...row, headingPath: JSON.parse(row.headingPath) as string[] });
    }
    return result;
  }

  sourceStatistics(): Map<number, { documents: number; chunks: number }> {
    const rows = this.statement(
      `SELECT documents.source_id AS sourceId, count(DISTINCT documents.id) AS documents, count(chunks.id) AS chunks
         FROM documents LEFT JOIN chunks ON chunks.document_id = documents.id GROUP BY documents.source_id`,
    ).all() as Array<{ sourceId: number; documents: number; chunks: number }>;
    return new Map(rows.map((row) => [row.sourceId, { documents: row.documents, chunks: row.chunks }]));
  }

  loadDocument(
    sourceId: number,
    uri: string,
    principals: Principal[],
  ): { title: string; url: string | null; text: string } | undefined {
    const aclIds = this.aclIdsFor(principals);
    const document = this.statement(
      'SELECT id, title, url, acl_id AS aclId FROM documents WHERE source_id = ? AND uri = ?',
    ).get(sourceId, uri) as { id: number; title: string; url: string | null; aclId: number } | undefined;
    if (!document || !aclIds.includes(document.aclId)) return undefined;
    const texts = this.statement('SELECT text FROM chunks WHERE document_id = ? ORDER BY position')
      .pluck()
      .all(document.id) as string[];
    return { title: document.title, url: document.url, text: texts.join('\n\n') };
  }

  statistics(): IndexStatistics {
    const count = (sql: string) => this.statement(sql).pluck().get() as number;
    const pageCount = this.database.pragma('page_count', { simple: true }) as number;
    const pageSize = this.database.pragma('page_size', { simple: true }) as number;
    return {
      sources: count('SELECT count(*) FROM sources'),
      documents: count('SELECT count(*) FROM documents'),
      chunks: count('SELECT count(*) FROM chunks'),
      vectors: this.vectorModel() ? count('SELECT count(*) FROM chunk_vectors') : 0,
      bytesOnDisk: pageCount * pageSize,
    };
  }
}

function vectorBytes(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

function fromBytes(bytes: Buffer): Float32Array {
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}
