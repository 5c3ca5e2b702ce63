import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { TINY_MODEL2VEC } from '../../../test-support/files.js';
import { UnigramSegmenter } from './unigram-segmenter.js';

const tokenizer = new Tokenizer(JSON.parse(readFileSync(join(TINY_MODEL2VEC, 'tokenizer.json'), 'utf8')), {});
const added = new Map(
  [...tokenizer.get_added_tokens_decoder()].map(([id, token]) => [token.content, id] as const),
);

/** What the library's own Unigram model gives one piece, mapped to ids as `Tokenizer.encode` does. */
function libraryIds(piece: string): number[] {
  const model = tokenizer.model;
  const tokens: string[] = model ? model([piece]) : [];
  return tokens.map((token) => added.get(token) ?? model?.tokens_to_ids.get(token) ?? model?.unk_token_id);
}

/** Deterministic pseudo-random pieces: hashes, identifiers, unknown characters, ties of equal scores. */
function randomPieces(count: number): string[] {
  let state = 42;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-_.ǂ😀東é';
  const characters = [...alphabet];
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 24);
    let piece = '\u2581';
    for (let index = 0; index < length; index++) piece += characters[Math.floor(next() * characters.length)];
    return piece;
  });
}

describe('UnigramSegmenter', () => {
  const segmenter = UnigramSegmenter.fromModel(tokenizer.model, added);

  it('is built from the library Unigram model and not from other values', () => {
    expect(segmenter).toBeDefined();
    expect(UnigramSegmenter.fromModel({ vocab: [] }, added)).toBeUndefined();
    expect(UnigramSegmenter.fromModel(undefined, added)).toBeUndefined();
  });

  it('segments exactly as the library, ties and unknown characters included', () => {
    const pieces = [
      '\u2581hello',
      '\u2581vcs', // two segmentations with the same score
      '\u2581password',
      '\u2581',
      '',
      '\u2581😀😀', // unknown characters merge into one token
      '\u2581a😀b',
      '\u2581[UNK]x',
      '\u2581sha512-4xtzr1fumsoqw4xiwmit3tzqrutzm',
      `\u2581${'ab'.repeat(200)}`,
      ...randomPieces(3000),
    ];
    for (const piece of pieces) expect(segmenter?.segment(piece), piece).toEqual(libraryIds(piece));
  });
});
