import type { GenerationPart } from './types.js';

export type ReasoningOrText = Extract<GenerationPart, { type: 'reasoning-delta' | 'text-delta' }>;

export interface ReasoningSplitterOptions {
  /**
   * Where the stream begins.
   * - `detect`: reasoning only if the text opens with `<think>`, or if a `</think>` with no opening tag
   *   starts within the first `detectionWindow` characters (held back until that is known).
   * - `reasoning`: the chat template opened `<think>` in the prompt (DeepSeek-R1 distills and others), so
   *   everything up to `</think>` is reasoning; a repeated opening tag is dropped.
   * - `answer`: the server separates reasoning itself; the text is all answer.
   */
  start?: 'detect' | 'reasoning' | 'answer';
  /** Characters searched for a lone `</think>` when detecting; 0 turns that search off. Default 1024. */
  detectionWindow?: number;
}

const OPEN = '<think>';
const CLOSE = '</think>';

type State = 'detecting' | 'reasoning-start' | 'reasoning' | 'answer-start' | 'answer';

/**
 * Splits a streamed text into reasoning and answer, whatever the deltas' boundaries (tags may arrive in
 * pieces): the same text gives the same parts, concatenated, however it is cut. Reasoning never reaches
 * the answer: text that may still turn out to be a tag, or that may still be followed by a lone
 * `</think>` within the detection window, is held back. Leading whitespace of the reasoning and of the
 * answer (e.g. the blank line after `</think>`) is dropped. Nothing is done with tags once the answer
 * has begun: an answer may well talk about `<think>`.
 */
export class ReasoningSplitter {
  private state: State;
  private pending = '';
  private openTagAllowed: boolean;
  private readonly detectionWindow: number;

  constructor(options: ReasoningSplitterOptions = {}) {
    const start = options.start ?? 'detect';
    this.state =
      start === 'detect' ? 'detecting' : start === 'reasoning' ? 'reasoning-start' : 'answer-start';
    this.openTagAllowed = start === 'reasoning';
    this.detectionWindow = options.detectionWindow ?? 1024;
  }

  push(delta: string): ReasoningOrText[] {
    this.pending += delta;
    return this.advance(false);
  }

  /** The end of the stream: whatever was held back is decided now. */
  end(): ReasoningOrText[] {
    return this.advance(true);
  }

  private advance(final: boolean): ReasoningOrText[] {
    const output = new PartCollector();
    while (this.step(output, final)) {}
    return output.parts;
  }

  /** One transition; false when it needs more text (or has consumed all there is). */
  private step(output: PartCollector, final: boolean): boolean {
    switch (this.state) {
      case 'detecting':
        return this.detect(output, final);
      case 'reasoning-start':
        this.pending = this.pending.trimStart();
        if (this.pending === '') return false;
        if (this.openTagAllowed) {
          if (this.pending.startsWith(OPEN)) {
            this.pending = this.pending.slice(OPEN.length);
            this.openTagAllowed = false;
            return true;
          }
          if (!final && OPEN.startsWith(this.pending)) return false;
        }
        this.state = 'reasoning';
        return true;
      case 'reasoning': {
        const close = this.pending.indexOf(CLOSE);
        if (close >= 0) {
          output.add('reasoning-delta', this.pending.slice(0, close));
          this.pending = this.pending.slice(close + CLOSE.length);
          this.state = 'answer-start';
          return true;
        }
        const held = final ? 0 : partialTagLength(this.pending, CLOSE);
        output.add('reasoning-delta', this.pending.slice(0, this.pending.length - held));
        this.pending = this.pending.slice(this.pending.length - held);
        return false;
      }
      case 'answer-start':
        this.pending = this.pending.trimStart();
        if (this.pending === '') return false;
        this.state = 'answer';
        return true;
      case 'answer':
        output.add('text-delta', this.pending);
        this.pending = '';
        return false;
    }
  }

  private detect(output: PartCollector, final: boolean): boolean {
    this.pending = this.pending.trimStart();
    if (this.pending === '') return false;
    if (this.pending.startsWith(OPEN)) {
      this.pending = this.pending.slice(OPEN.length);
      this.state = 'reasoning-start';
      return true;
    }
    if (!final && OPEN.startsWith(this.pending)) return false;
    const close = this.pending.indexOf(CLOSE);
    if (close >= 0 && close < this.detectionWindow) {
      output.add('reasoning-delta', this.pending.slice(0, close));
      this.pending = this.pending.slice(close + CLOSE.length);
      this.state = 'answer-start';
      return true;
    }
    // Decided once no closing tag can start inside the window any more: the same text gives the same
    // decision however it was cut.
    const decided =
      this.detectionWindow === 0 || this.pending.length >= this.detectionWindow + CLOSE.length - 1;
    if (!final && !decided) return false;
    this.state = 'answer';
    return true;
  }
}

/** Length of the longest end of `text` that is the beginning of `tag` (a tag that may be arriving). */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}

class PartCollector {
  readonly parts: ReasoningOrText[] = [];

  add(type: ReasoningOrText['type'], text: string): void {
    if (text === '') return;
    const last = this.parts.at(-1);
    if (last?.type === type) last.text += text;
    else this.parts.push({ type, text });
  }
}
