import type { Tokenizer } from '@huggingface/tokenizers';
import { GenerationalCache } from './generational-cache.js';
import type { TokenizationPlan } from './tokenization-plan.js';
import { UnigramSegmenter } from './unigram-segmenter.js';
import { WordNormalizer } from './word-normalizer.js';

const DEFAULT_GENERATION_SIZE = 100_000;

export interface WordCachedTokenizerOptions {
  /** A token id to leave out (Model2Vec drops the WordPiece/BPE unknown token); none by default. */
  dropTokenId?: number | undefined;
  /** Distinct words (and pieces) per cache generation; a cache holds at most twice as many. */
  cacheGenerationSize?: number;
}

/** The ids of one word, and whether an added token ends it on either side (the model merges nothing there). */
interface WordTokens {
  readonly ids: readonly number[];
  readonly sealedStart: boolean;
  readonly sealedEnd: boolean;
}

const EMPTY: WordTokens = { ids: [], sealedStart: false, sealedEnd: false };

/**
 * Token ids of a text without special tokens, fast. Under a 'words' plan the text is cut at ASCII
 * whitespace and each distinct word is tokenized once and cached, so a typical chunk costs a map lookup
 * per word. A new word is normalized (character by character when the plan allows), cut into pieces as
 * the pre-tokenizer would, and each distinct piece is segmented once.
 *
 * The ids are those of `tokenizer.encode(text, { add_special_tokens: false })` minus the dropped id,
 * with one exception: where a Unigram vocabulary scores two segmentations of a word exactly the same,
 * the library's choice depends on the floating-point rounding of the running score of all the text
 * before it, while here a word is always segmented the same way (an equally good segmentation).
 */
export class WordCachedTokenizer {
  private readonly words: GenerationalCache<WordTokens>;
  private readonly pieces: GenerationalCache<readonly number[]>;
  private readonly normalizer: WordNormalizer | undefined;
  private readonly segmenter: UnigramSegmenter | undefined;
  private readonly addedTokenIds: ReadonlyMap<string, number>;
  private readonly normalizedAddedTokens: readonly string[];
  private readonly unknownTokenId: number | undefined;
  private readonly dropTokenId: number | undefined;

  constructor(
    private readonly tokenizer: Tokenizer,
    readonly plan: TokenizationPlan,
    options: WordCachedTokenizerOptions = {},
  ) {
    const addedTokens = [...tokenizer.get_added_tokens_decoder().values()];
    this.addedTokenIds = new Map(addedTokens.map((token) => [token.content, token.id] as const));
    this.normalizedAddedTokens = addedTokens
      .filter((token) => token.normalized && tokenizer.normalizer)
      .map((token): string => tokenizer.normalizer?.(token.content) ?? token.content)
      .filter((content) => content.length > 0);
    this.normalizer = plan.kind === 'words' ? new WordNormalizer(tokenizer, plan) : undefined;
    this.segmenter = UnigramSegmenter.fromModel(tokenizer.model, this.addedTokenIds);
    this.unknownTokenId = tokenizer.model?.unk_token_id;
    this.dropTokenId = options.dropTokenId;
    const generationSize = options.cacheGenerationSize ?? DEFAULT_GENERATION_SIZE;
    this.words = new GenerationalCache(generationSize);
    this.pieces = new GenerationalCache(generationSize);
  }

  /**
   * Writes the ids of the first `target.length` tokens of `text` into `target` and returns how many
   * were written. Nothing is allocated per token; the caller reuses `target`.
   */
  encodeInto(text: string, target: Int32Array): number {
    const plan = this.plan;
    if (plan.kind === 'whole-text' || (plan.marker !== undefined && text.includes(plan.marker))) {
      return this.append(this.encodeWhole(text), target, 0, true);
    }
    const limit = target.length;
    const length = text.length;
    let count = 0;
    let sealed = true;
    let wordStart = -1;
    for (let index = 0; index <= length && count < limit; index++) {
      const code = index < length ? text.charCodeAt(index) : 32;
      if (code !== 32 && code !== 10 && code !== 9 && code !== 13) {
        if (wordStart < 0) wordStart = index;
      } else if (wordStart >= 0) {
        const word = this.wordTokens(text.slice(wordStart, index));
        if (word.ids.length > 0) {
          count = this.append(word, target, count, sealed);
          sealed = word.sealedEnd;
        }
        wordStart = -1;
      }
    }
    return count;
  }

  private wordTokens(word: string): WordTokens {
    const cached = this.words.get(word);
    if (cached !== undefined) return cached;
    const tokens = this.tokenizeWord(word);
    this.words.set(word, tokens);
    return tokens;
  }

  private tokenizeWord(word: string): WordTokens {
    const plan = this.plan;
    const normalizer = this.normalizer;
    if (plan.kind !== 'words' || !normalizer || this.containsAddedToken(word)) return this.encodeWhole(word);
    const normalized = normalizer.normalize(word);
    if (normalized === '') return EMPTY;
    if (this.normalizedAddedTokens.some((content) => normalized.includes(content)))
      return this.encodeWhole(word);
    const pieces: string[] =
      plan.marker !== undefined
        ? normalized.split(' ').map((part) => plan.marker + part)
        : (this.tokenizer.pre_tokenizer?.(normalized) ?? [normalized]);
    if (pieces.length === 1)
      return { ids: this.pieceIds(pieces[0] as string), sealedStart: false, sealedEnd: false };
    const ids: number[] = [];
    for (const piece of pieces) {
      const pieceIds = this.pieceIds(piece);
      const from = this.mergesAtSeam(ids.at(-1), pieceIds[0]) ? 1 : 0;
      for (let index = from; index < pieceIds.length; index++) ids.push(pieceIds[index] as number);
    }
    return { ids, sealedStart: false, sealedEnd: false };
  }

  private pieceIds(piece: string): readonly number[] {
    const cached = this.pieces.get(piece);
    if (cached !== undefined) return cached;
    const ids = this.segmenter ? this.segmenter.segment(piece) : this.modelIds(piece);
    const kept = this.dropTokenId === undefined ? ids : ids.filter((id) => id !== this.dropTokenId);
    this.pieces.set(piece, kept);
    return kept;
  }

  /** The ids the tokenizer's model gives one piece, mapped as `Tokenizer.encode` maps them. */
  private modelIds(piece: string): number[] {
    const model = this.tokenizer.model;
    const tokens: string[] = model ? model([piece]) : [piece];
    const ids: number[] = [];
    for (const token of tokens) {
      const id = this.addedTokenIds.get(token) ?? model?.tokens_to_ids.get(token) ?? this.unknownTokenId;
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  private containsAddedToken(word: string): boolean {
    for (const content of this.addedTokenIds.keys()) if (word.includes(content)) return true;
    return false;
  }

  /** The library's own tokenization, for texts and words the fast path does not handle. */
  private encodeWhole(text: string): WordTokens {
    const encoding = this.tokenizer.encode(text, { add_special_tokens: false });
    const tokens: string[] = encoding.tokens;
    const ids: number[] = encoding.ids;
    return {
      ids: this.dropTokenId === undefined ? ids : ids.filter((id) => id !== this.dropTokenId),
      // An added token is its own section: the model merges no unknown token across it.
      sealedStart: tokens.length > 0 && this.addedTokenIds.has(tokens[0] as string),
      sealedEnd: tokens.length > 0 && this.addedTokenIds.has(tokens[tokens.length - 1] as string),
    };
  }

  /** Whether the model would merge an unknown token ending one part with one starting the next. */
  private mergesAtSeam(previous: number | undefined, next: number | undefined): boolean {
    return (
      this.plan.kind === 'words' &&
      this.plan.fusesUnknown &&
      this.unknownTokenId !== undefined &&
      previous === this.unknownTokenId &&
      next === this.unknownTokenId
    );
  }

  /** Appends a word's ids after `count` entries of `target` (as many as fit); returns the new count. */
  private append(word: WordTokens, target: Int32Array, count: number, previousSealed: boolean): number {
    const ids = word.ids;
    const merges =
      count > 0 && !previousSealed && !word.sealedStart && this.mergesAtSeam(target[count - 1], ids[0]);
    const from = merges ? 1 : 0;
    const end = Math.min(ids.length, from + target.length - count);
    for (let index = from; index < end; index++) target[count++] = ids[index] as number;
    return count;
  }
}
