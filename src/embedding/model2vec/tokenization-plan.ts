import type { TokenizerJson } from './model-files.js';

/** One component of tokenizer.json (a normalizer, pre-tokenizer or model), as far as the plan reads it. */
export interface TokenizerComponent {
  type?: unknown;
  [key: string]: unknown;
}

/**
 * Whether a tokenizer may be run one whitespace-separated word at a time (so each distinct word is
 * tokenized once and cached) with the ids it gives for the whole text, and which shortcuts apply.
 * (The one exception, ties between equally scored Unigram segmentations, is described in
 * `word-cached-tokenizer.ts`.)
 *
 * Word by word is exact when the normalizer changes text in place (lower-casing, accents, Unicode forms,
 * padding punctuation with spaces), the pre-tokenizer splits at whitespace, and no added token contains
 * whitespace. The Metaspace pre-tokenizer of Model2Vec's own vocabularies (`split: false`, so Unigram sees
 * the whole text at once) qualifies when the normalizer ends by collapsing whitespace and stripping, and no
 * vocabulary token has the ▁ marker inside it: then every ▁ is a token boundary. Unknown tokens that the
 * model merges into one are merged across words too. Anything else is tokenized whole: always exact, slower.
 */
export type TokenizationPlan =
  | {
      readonly kind: 'words';
      /** Metaspace's marker; the text is tokenized whole when it contains one itself. */
      readonly marker: string | undefined;
      /** The model merges runs of unknown tokens, across words too. */
      readonly fusesUnknown: boolean;
      /**
       * Normalizer steps that map every character on its own, so a word can be normalized character by
       * character from a cache; undefined when some step looks at neighbours (then the whole normalizer runs).
       */
      readonly characterSteps: readonly TokenizerComponent[] | undefined;
      /** Steps after `characterSteps` that only touch whitespace (Metaspace plans keep them). */
      readonly whitespaceSteps: readonly TokenizerComponent[];
    }
  | { readonly kind: 'whole-text'; readonly reason: string };

const IN_PLACE_NORMALIZERS = new Set([
  'BertNormalizer',
  'Lowercase',
  'NFC',
  'NFD',
  'NFKC',
  'NFKD',
  'StripAccents',
]);
/** Of those, the ones that never combine neighbouring characters (NFC/NFKC compose, e.g. Hangul jamo). */
const PER_CHARACTER_NORMALIZERS = new Set(['BertNormalizer', 'Lowercase', 'NFD', 'NFKD', 'StripAccents']);
const SPLITTING_PRE_TOKENIZERS = new Set(['BertPreTokenizer', 'Whitespace', 'WhitespaceSplit']);
const PIECE_PRE_TOKENIZERS = new Set(['Punctuation', 'Digits']);
const WHITESPACE = /\s/u;

/** Decides how a tokenizer described by `tokenizer.json` can be run; see {@link TokenizationPlan}. */
export function planTokenization(tokenizer: TokenizerJson): TokenizationPlan {
  const wholeText = (reason: string): TokenizationPlan => ({ kind: 'whole-text', reason });
  const addedTokens = Array.isArray(tokenizer.added_tokens)
    ? (tokenizer.added_tokens as TokenizerComponent[])
    : [];
  if (addedTokens.some((token) => typeof token.content !== 'string' || WHITESPACE.test(token.content))) {
    return wholeText('an added token contains whitespace');
  }
  const steps = flattenNormalizer(tokenizer.normalizer);
  if (!steps) return wholeText('the normalizer may change text across word boundaries');
  const model = tokenizer.model as TokenizerComponent;
  const fusesUnknown = model.type === 'Unigram' || model.fuse_unk === true;
  const preTokenizer = (tokenizer.pre_tokenizer ?? null) as TokenizerComponent | null;
  if (preTokenizer === null) return wholeText('there is no pre-tokenizer, so the model sees the whole text');
  if (preTokenizer.type === 'Metaspace') {
    const marker = typeof preTokenizer.replacement === 'string' ? preTokenizer.replacement : '\u2581';
    if ((preTokenizer.prepend_scheme ?? 'always') !== 'always') {
      return wholeText('Metaspace adds its marker only to the first word');
    }
    const head = steps.slice(0, -2);
    const tail = steps.slice(-2);
    if (!(tail.length === 2 && isWhitespaceCollapse(tail[0]) && isFullStrip(tail[1]))) {
      return wholeText('Metaspace without whitespace collapsing keeps runs of spaces as tokens');
    }
    if (model.type !== 'Unigram' || !Array.isArray(model.vocab)) {
      return wholeText('Metaspace is split per word only for Unigram vocabularies');
    }
    if (model.vocab.some((entry) => Array.isArray(entry) && hasInnerMarker(entry[0], marker))) {
      return wholeText('a vocabulary token spans a word boundary');
    }
    return { kind: 'words', marker, fusesUnknown, characterSteps: perCharacter(head), whitespaceSteps: tail };
  }
  if (!splitsAtWhitespace(preTokenizer)) {
    return wholeText(`the pre-tokenizer ${String(preTokenizer.type)} is not known to split at whitespace`);
  }
  // The pre-tokenizer splits at whitespace itself, so steps that only touch whitespace can be skipped.
  const characterSteps = perCharacter(
    steps.filter((step) => !isWhitespaceCollapse(step) && step.type !== 'Strip'),
  );
  return { kind: 'words', marker: undefined, fusesUnknown, characterSteps, whitespaceSteps: [] };
}

/** The normalizer as a flat list of in-place steps, or undefined when some step is not known to be in place. */
function flattenNormalizer(normalizer: unknown): TokenizerComponent[] | undefined {
  if (normalizer === null || normalizer === undefined) return [];
  const component = normalizer as TokenizerComponent;
  if (component.type === 'Sequence') {
    const steps: TokenizerComponent[] = [];
    for (const child of Array.isArray(component.normalizers) ? component.normalizers : []) {
      const flat = flattenNormalizer(child);
      if (!flat) return undefined;
      steps.push(...flat);
    }
    return steps;
  }
  return isInPlace(component) ? [component] : undefined;
}

function isInPlace(step: TokenizerComponent): boolean {
  if (typeof step.type === 'string' && IN_PLACE_NORMALIZERS.has(step.type)) return true;
  if (step.type === 'Strip' || isWhitespaceCollapse(step)) return true;
  const pattern = replacedString(step);
  return pattern !== undefined && pattern.length > 0 && !WHITESPACE.test(pattern);
}

function perCharacter(steps: TokenizerComponent[]): TokenizerComponent[] | undefined {
  const each = steps.every((step) => {
    if (typeof step.type === 'string' && PER_CHARACTER_NORMALIZERS.has(step.type)) return true;
    const pattern = replacedString(step);
    return pattern !== undefined && [...pattern].length === 1;
  });
  return each ? steps : undefined;
}

/** The literal a Replace step looks for, if it looks for a literal. */
function replacedString(step: TokenizerComponent | undefined): string | undefined {
  if (step?.type !== 'Replace') return undefined;
  const pattern = (step.pattern ?? {}) as TokenizerComponent;
  return typeof pattern.String === 'string' ? pattern.String : undefined;
}

function isWhitespaceCollapse(step: TokenizerComponent | undefined): boolean {
  const pattern = (step?.pattern ?? {}) as TokenizerComponent;
  return step?.type === 'Replace' && pattern.Regex === '\\s+' && step.content === ' ';
}

function isFullStrip(step: TokenizerComponent | undefined): boolean {
  return step?.type === 'Strip' && step.strip_left === true && step.strip_right === true;
}

function splitsAtWhitespace(preTokenizer: TokenizerComponent): boolean {
  const splits = (step: TokenizerComponent) =>
    typeof step.type === 'string' && SPLITTING_PRE_TOKENIZERS.has(step.type);
  if (splits(preTokenizer)) return true;
  if (preTokenizer.type !== 'Sequence' || !Array.isArray(preTokenizer.pretokenizers)) return false;
  const steps = preTokenizer.pretokenizers as TokenizerComponent[];
  const known = steps.every(
    (step) => splits(step) || (typeof step.type === 'string' && PIECE_PRE_TOKENIZERS.has(step.type)),
  );
  return known && steps.some(splits);
}

function hasInnerMarker(token: unknown, marker: string): boolean {
  return typeof token === 'string' && token.indexOf(marker, 1) !== -1;
}
