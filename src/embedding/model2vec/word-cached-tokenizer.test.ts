import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { TINY_MODEL2VEC } from '../../../test-support/files.js';
import type { TokenizerJson } from './model-files.js';
import { planTokenization } from './tokenization-plan.js';
import { WordCachedTokenizer } from './word-cached-tokenizer.js';

const tinyJson = JSON.parse(readFileSync(join(TINY_MODEL2VEC, 'tokenizer.json'), 'utf8')) as TokenizerJson & {
  model: { vocab: Array<[string, number]>; unk_id: number };
};
const tiny = new Tokenizer(tinyJson, {});
const UNKNOWN = tinyJson.model.unk_id;

/** The tiny model's vocabulary as a BERT WordPiece tokenizer ("▁word" → "word", "piece" → "##piece"). */
const bertJson: TokenizerJson = {
  added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map((content, id) => ({ id, content, special: true })),
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  post_processor: null,
  model: {
    type: 'WordPiece',
    unk_token: '[UNK]',
    continuing_subword_prefix: '##',
    max_input_chars_per_word: 100,
    vocab: Object.fromEntries(
      tinyJson.model.vocab.map(([token], id) => [
        id < 4
          ? ['[PAD]', '[UNK]', '[CLS]', '[SEP]'][id]
          : token.startsWith('\u2581')
            ? token.slice(1)
            : `##${token}`,
        id,
      ]),
    ),
  },
};
const bert = new Tokenizer(bertJson, {});

const FRAGMENTS = [
  'the',
  'Password',
  'reset',
  'don’t',
  "isn't",
  'e-mail',
  'v2.4.1',
  'x=f(y)+2;',
  '//',
  '#include',
  '<div>',
  'https://example.com/a?b=c&d=e',
  'sha512-4xTZr1FUmSoQW4XIWmit3tzQrUTZM+N3P0XV8xRO==',
  'snake_case_name',
  'camelCaseName',
  '1,000.50$',
  '...',
  '—',
  '“quoted”',
  'café',
  'naïve',
  'ÉCOLE',
  'İstanbul',
  'ΟΔΟΣ',
  'Ωμέγα',
  'e\u0301t\u00e9',
  '\u1100\u1161',
  '한국어',
  '東京タワー',
  'пароль',
  'Ошибка:',
  '😀',
  '😀😀',
  'a😀',
  '😀b',
  'ǂǂ',
  'ﬁle',
  '[UNK]',
  '[PAD]x',
  '\u200b',
  '\u0000',
  '\u00a0',
  '\ufeff',
  'tab\tinside',
  '½',
  '²',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\t', ' \n\n ', '\r\n'];

/** Deterministic pseudo-random texts mixing prose, code, hashes and awkward Unicode. */
function randomTexts(count: number, seed: number): string[] {
  let state = seed;
  const next = (size: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * size);
  };
  return Array.from({ length: count }, () => {
    let text = '';
    const words = 1 + next(40);
    for (let index = 0; index < words; index++) {
      text += FRAGMENTS[next(FRAGMENTS.length)] as string;
      text += SEPARATORS[next(SEPARATORS.length)] as string;
    }
    return text;
  });
}

function encodeAll(tokenizer: WordCachedTokenizer, text: string): number[] {
  const target = new Int32Array(100_000);
  return Array.from(target.subarray(0, tokenizer.encodeInto(text, target)));
}

function libraryIds(tokenizer: Tokenizer, text: string): number[] {
  return tokenizer.encode(text, { add_special_tokens: false }).ids;
}

/** The text a segmentation covers and its Unigram score: equal for two equally good segmentations. */
function describeSegmentation(ids: number[]): { covered: string; score: number } {
  const vocabulary = tinyJson.model.vocab;
  return {
    covered: ids.map((id) => (id === UNKNOWN ? '\u0000' : (vocabulary[id]?.[0] as string))).join(''),
    score: ids.reduce((sum, id) => sum + (id === UNKNOWN ? -100 : (vocabulary[id]?.[1] as number)), 0),
  };
}

describe('WordCachedTokenizer over the Model2Vec Metaspace/Unigram tokenizer', () => {
  const fast = new WordCachedTokenizer(tiny, planTokenization(tinyJson));

  it('gives the library ids for ordinary sentences', () => {
    for (const text of [
      'How do I reset my password?',
      'Steps to recover a forgotten account password',
      '  Leading and trailing   spaces\n\nand new lines\t',
      'Ünïcödé naïve café — 東京 x!y',
      'Emoji 😀 next to 😀 unknown ǂ characters ǂǂ merge',
      'A literal \u2581 marker sends the text down the whole-text path',
      '',
    ]) {
      expect(encodeAll(fast, text), text).toEqual(libraryIds(tiny, text));
    }
  });

  it('finds an equally good segmentation of the same text for mixed, awkward input', () => {
    // Where two segmentations score the same ("v"+"cs" or "vc"+"s"), the library's choice depends on
    // floating-point rounding of the running score of everything before; ours is the same for every
    // occurrence of a word. Everything else must agree.
    for (const text of randomTexts(400, 7)) {
      const ours = describeSegmentation(encodeAll(fast, text));
      const library = describeSegmentation(libraryIds(tiny, text));
      expect(ours.covered, text).toBe(library.covered);
      expect(ours.score, text).toBeCloseTo(library.score, 9);
    }
  });

  it('gives the same ids with a tiny cache as with a large one', () => {
    const forgetful = new WordCachedTokenizer(tiny, planTokenization(tinyJson), { cacheGenerationSize: 3 });
    for (const text of randomTexts(50, 11)) expect(encodeAll(forgetful, text)).toEqual(encodeAll(fast, text));
  });

  it('writes only as many ids as the target holds', () => {
    const text = 'one two three four five six seven eight nine ten';
    const target = new Int32Array(4);
    expect(fast.encodeInto(text, target)).toBe(4);
    expect([...target]).toEqual(libraryIds(tiny, text).slice(0, 4));
  });
});

describe('WordCachedTokenizer over a BERT WordPiece tokenizer', () => {
  it('gives exactly the library ids', () => {
    const fast = new WordCachedTokenizer(bert, planTokenization(bertJson));
    for (const text of randomTexts(300, 3))
      expect(encodeAll(fast, text), text).toEqual(libraryIds(bert, text));
  });

  it('leaves out the dropped token id', () => {
    const fast = new WordCachedTokenizer(bert, planTokenization(bertJson), { dropTokenId: 1 });
    for (const text of randomTexts(100, 5)) {
      const expected = libraryIds(bert, text).filter((id) => id !== 1);
      expect(encodeAll(fast, text), text).toEqual(expected);
    }
  });

  it('gives the library ids on the whole-text path too', () => {
    const wholeText = { kind: 'whole-text', reason: 'test' } as const;
    const fast = new WordCachedTokenizer(bert, wholeText);
    for (const text of randomTexts(50, 9)) expect(encodeAll(fast, text)).toEqual(libraryIds(bert, text));
  });
});
