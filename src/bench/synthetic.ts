import { createHash } from 'node:crypto';
import type { EmbeddingModel } from '../embedding/types.js';
import type { ChunkToIndex, DocumentIndex } from '../stores/types.js';
import { analyze } from '../text/analyze.js';

/**
 * Synthetic indexes for scale benchmarks: documents of chunks whose words are drawn from a stream of real
 * text (so terms keep their real frequencies), and random unit vectors. Deterministic for a given seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomUnitVector(random: () => number, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  let norm = 0;
  for (let index = 0; index < dimension; index++) {
    const value = random() * 2 - 1;
    vector[index] = value;
    norm += value * value;
  }
  norm = Math.sqrt(norm);
  for (let index = 0; index < dimension; index++) vector[index] = (vector[index] as number) / norm;
  return vector;
}

/** An embedder for benchmarks only: a text's hash seeds a random unit vector. */
export function hashingEmbedder(dimension: number): EmbeddingModel {
  return {
    id: `bench-hash-${dimension}`,
    dimension,
    embed: async (texts) =>
      texts.map((value) =>
        randomUnitVector(
          seededRandom(createHash('sha256').update(value).digest().readUInt32LE(0)),
          dimension,
        ),
      ),
  };
}

export interface SyntheticOptions {
  chunks: number;
  chunksPerDocument: number;
  wordsPerChunk: number;
  dimension: number;
  /** Words of real text, in order; chunks sample them uniformly, which keeps their frequencies. */
  words: string[];
  sourceId: number;
  onProgress?: (done: number) => void;
}

export function fillSyntheticIndex(index: DocumentIndex, options: SyntheticOptions): void {
  const random = seededRandom(42);
  const { words } = options;
  const word = () => words[Math.floor(words.length * random())] as string;
  const documents = Math.ceil(options.chunks / options.chunksPerDocument);
  for (let documentNumber = 0; documentNumber < documents; documentNumber++) {
    const chunks: ChunkToIndex[] = [];
    const title = `${word()} ${word()} ${word()}`;
    for (let position = 0; position < options.chunksPerDocument; position++) {
      const words: string[] = [];
      for (let count = 0; count < options.wordsPerChunk; count++) words.push(word());
      const text = words.join(' ');
      chunks.push({
        index: position,
        text,
        headingPath: [],
        tokens: options.wordsPerChunk,
        contentHash: `${documentNumber}-${position}`,
        url: undefined,
        lexical: { title: analyze(title).join(' '), path: '', headings: '', body: analyze(text).join(' ') },
        vector: randomUnitVector(random, options.dimension),
      });
    }
    index.replaceDocument(
      {
        sourceId: options.sourceId,
        uri: `synthetic/${documentNumber}.txt`,
        fingerprint: String(documentNumber),
        contentHash: String(documentNumber),
        version: '1',
        title,
        kind: 'prose',
        language: undefined,
        url: undefined,
        acl: ['public'],
        size: 0,
      },
      chunks,
    );
    options.onProgress?.((documentNumber + 1) * options.chunksPerDocument);
  }
}
