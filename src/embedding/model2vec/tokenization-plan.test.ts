import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_MODEL2VEC } from '../../../test-support/files.js';
import type { TokenizerJson } from './model-files.js';
import { planTokenization } from './tokenization-plan.js';

const tiny = JSON.parse(readFileSync(join(TINY_MODEL2VEC, 'tokenizer.json'), 'utf8')) as TokenizerJson;

const bert: TokenizerJson = {
  added_tokens: [{ id: 0, content: '[UNK]' }],
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  model: { type: 'WordPiece', unk_token: '[UNK]', vocab: { '[UNK]': 0, a: 1 } },
};

describe('planTokenization', () => {
  it('runs the Model2Vec Metaspace/Unigram tokenizer word by word, normalizing character by character', () => {
    const plan = planTokenization(tiny);
    expect(plan).toMatchObject({ kind: 'words', marker: '\u2581', fusesUnknown: true });
    if (plan.kind !== 'words') return;
    expect(plan.characterSteps?.map((step) => step.type)).toEqual([
      'BertNormalizer',
      ...Array(32).fill('Replace'),
    ]);
    expect(plan.whitespaceSteps.map((step) => step.type)).toEqual(['Replace', 'Strip']);
  });

  it('runs a BERT WordPiece tokenizer word by word', () => {
    expect(planTokenization(bert)).toMatchObject({ kind: 'words', marker: undefined, fusesUnknown: false });
  });

  it('normalizes whole words when a step composes characters', () => {
    const plan = planTokenization({
      ...bert,
      normalizer: { type: 'Sequence', normalizers: [{ type: 'NFC' }] },
    });
    expect(plan).toMatchObject({ kind: 'words', characterSteps: undefined });
  });

  it.each([
    ['a byte-level pre-tokenizer', { ...bert, pre_tokenizer: { type: 'ByteLevel' } }],
    ['no pre-tokenizer', { ...bert, pre_tokenizer: null }],
    ['a precompiled normalizer', { ...bert, normalizer: { type: 'Precompiled', precompiled_charsmap: '' } }],
    ['a prepending normalizer', { ...bert, normalizer: { type: 'Prepend', prepend: '\u2581' } }],
    ['an added token with a space', { ...bert, added_tokens: [{ id: 5, content: 'new york' }] }],
    [
      'Metaspace on the first word only',
      { ...tiny, pre_tokenizer: { type: 'Metaspace', prepend_scheme: 'first' } },
    ],
    ['Metaspace without collapsing whitespace', { ...tiny, normalizer: { type: 'Lowercase' } }],
    ['Metaspace over WordPiece', { ...tiny, model: bert.model }],
    [
      'a token spanning two words',
      {
        ...tiny,
        model: {
          type: 'Unigram',
          unk_id: 0,
          vocab: [
            ['<unk>', 0],
            ['\u2581new\u2581york', -1],
          ],
        },
      },
    ],
  ] as Array<[string, TokenizerJson]>)('tokenizes whole texts with %s', (_name, tokenizer) => {
    expect(planTokenization(tokenizer).kind).toBe('whole-text');
  });
});
