import type { Tokenizer } from '@huggingface/tokenizers';
import * as tokenizers from '@huggingface/tokenizers';
import type { TokenizationPlan, TokenizerComponent } from './tokenization-plan.js';

type WordPlan = Extract<TokenizationPlan, { kind: 'words' }>;
type Normalizer = NonNullable<Tokenizer['normalizer']>;

/**
 * The package exports SequenceNormalizer, but its type declarations re-export it through an extensionless
 * path that does not resolve under NodeNext, so its constructor is typed here.
 */
const { SequenceNormalizer } = tokenizers as unknown as {
  SequenceNormalizer: new (config: {
    type: 'Sequence';
    normalizers: readonly TokenizerComponent[];
  }) => Normalizer;
};

/**
 * Characters whose normalization depends on their neighbours: combining marks (NFD reorders them) and
 * the capital sigma (lower-cased to final ς at the end of a word). Words with them take the slow path.
 */
const NEEDS_CONTEXT = /[\p{M}\u03A3]/u;

/**
 * The tokenizer's normalizer applied to one word, faster: when the plan says every step maps characters
 * on their own, each distinct character is normalized once and a word is the concatenation of its
 * characters' forms (then the whitespace steps). Gives the same string as the tokenizer's normalizer.
 */
export class WordNormalizer {
  private readonly characters = new Map<string, string>();
  private readonly characterSteps: Normalizer | undefined;
  private readonly whitespaceSteps: Normalizer | undefined;

  constructor(
    private readonly tokenizer: Tokenizer,
    plan: WordPlan,
  ) {
    this.characterSteps = plan.characterSteps && sequence(plan.characterSteps);
    this.whitespaceSteps = plan.whitespaceSteps.length > 0 ? sequence(plan.whitespaceSteps) : undefined;
  }

  normalize(word: string): string {
    const characterSteps = this.characterSteps;
    if (!characterSteps || NEEDS_CONTEXT.test(word)) {
      const whole: string = this.tokenizer.normalizer ? this.tokenizer.normalizer(word) : word;
      return whole;
    }
    let normalized = '';
    for (const character of word) {
      let form = this.characters.get(character);
      if (form === undefined) {
        const computed: string = characterSteps(character);
        this.characters.set(character, computed);
        form = computed;
      }
      normalized += form;
    }
    const result: string = this.whitespaceSteps ? this.whitespaceSteps(normalized) : normalized;
    return result;
  }
}

function sequence(steps: readonly TokenizerComponent[]): Normalizer {
  return new SequenceNormalizer({ type: 'Sequence', normalizers: steps });
}
