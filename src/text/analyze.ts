import snowball from 'snowball-stemmers';
import { eng, rus } from 'stopword';

/**
 * The lexical analyzer shared by indexing and querying: words are lower-cased (ё → е), code identifiers
 * are split (`getUserById` → getuserbyid get user by id), stop words dropped, and each word stemmed with
 * Snowball's Russian or English stemmer depending on its script. FTS5 then sees plain space-separated
 * stems, so Russian and English are handled the same way at index and at query time.
 */
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[a-z]/;
const STOP_WORDS = new Set([...eng, ...rus, 'ли', 'какой', 'какие', 'где', 'как', 'который', 'которая']);
const MAX_WORD_LENGTH = 64;

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');

/** Splits an identifier at underscores, case changes and letter/digit boundaries. */
export function splitIdentifier(word: string): string[] {
  return word
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, '$1$3 $2$4')
    .split(/[\s_]+/)
    .filter(Boolean);
}

function stem(word: string): string {
  if (CYRILLIC.test(word)) return russian.stem(word);
  if (LATIN.test(word)) return english.stem(word);
  return word;
}

function normalise(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е');
}

/** Terms of one word (the whole identifier and its stemmed parts), cached: prose repeats its words. */
const wordCache = new Map<string, readonly string[]>();
const SIMPLE_WORD = /^[\p{Ll}\p{Lo}]+$/u;

function analyzeWord(word: string): readonly string[] {
  const cached = wordCache.get(word);
  if (cached) return cached;
  const terms: string[] = [];
  const parts = SIMPLE_WORD.test(word) ? [word] : splitIdentifier(word);
  if (parts.length > 1) {
    const whole = normalise(word.replaceAll('_', ''));
    if (whole.length > 1) terms.push(stem(whole));
  }
  for (const part of parts) {
    const lower = normalise(part);
    if (lower.length < 2 && !/\p{N}/u.test(lower)) continue;
    if (STOP_WORDS.has(lower)) continue;
    terms.push(stem(lower));
  }
  if (wordCache.size > 500_000) wordCache.clear();
  wordCache.set(word, terms);
  return terms;
}

/** Stemmed terms of a text, in order, identifiers split; stop words dropped. */
export function analyze(value: string): string[] {
  const terms: string[] = [];
  for (const match of value.matchAll(WORD)) {
    const word = match[0];
    if (word.length > MAX_WORD_LENGTH) continue;
    for (const term of analyzeWord(word)) terms.push(term);
  }
  return terms;
}

/** The distinct query terms, in first-seen order. */
export function analyzeQuery(value: string): string[] {
  return [...new Set(analyze(value))];
}
