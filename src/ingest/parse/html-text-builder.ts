/**
 * Assembles readable text from the pieces an HTML walk produces. Runs of whitespace in flowing text
 * become one space; line and paragraph breaks are requested by block elements and only written
 * before the next visible text, so nested blocks never stack up blank lines and the result has no
 * leading or trailing whitespace.
 */
export class HtmlTextBuilder {
  private readonly parts: string[] = [];
  /** Newlines owed before the next text: 0, 1 (new line) or 2 (blank line). */
  private pendingBreak = 0;
  private pendingSpace = false;
  /** Written at the start of the next line, e.g. a list marker. */
  private pendingPrefix = '';
  private atLineStart = true;

  /** Whether any visible text has been written. */
  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** Adds flowing text; its whitespace is collapsed. */
  addText(value: string): void {
    const collapsed = value.replace(/\s+/g, ' ');
    if (collapsed.length === 0) return;
    const leadingSpace = collapsed.startsWith(' ');
    const trailingSpace = collapsed.endsWith(' ');
    const core = collapsed.trim();
    if (leadingSpace) this.pendingSpace = true;
    if (core.length > 0) this.write(core);
    if (trailingSpace && core.length > 0) this.pendingSpace = true;
  }

  /** Adds a block of text verbatim, on lines of its own (the content of a `<pre>`). */
  addPreformatted(value: string): void {
    if (value.trim().length === 0) return;
    this.requestBreak(2);
    this.write(value);
    this.requestBreak(2);
  }

  /**
   * Asks for the next text to start on a new line (`newlines` 1) or after a blank line (2). Ignored
   * while a line prefix waits for its text, so `<li><p>text` stays `- text`.
   */
  requestBreak(newlines: 1 | 2): void {
    if (this.pendingPrefix.length > 0) return;
    this.pendingBreak = Math.max(this.pendingBreak, newlines);
  }

  /**
   * Sets what the next line starts with, such as `- ` for a list item. A `tight` line follows the
   * previous text directly, without the blank line its paragraphs may have asked for.
   */
  startLineWith(prefix: string, tight: boolean): void {
    this.pendingBreak = tight ? 1 : Math.max(this.pendingBreak, 1);
    this.pendingPrefix = prefix;
  }

  toString(): string {
    return this.parts.join('');
  }

  private write(value: string): void {
    if (this.pendingBreak > 0 && !this.isEmpty) {
      this.parts.push('\n'.repeat(this.pendingBreak));
      this.atLineStart = true;
    }
    if (this.atLineStart && this.pendingPrefix.length > 0) this.parts.push(this.pendingPrefix);
    else if (this.pendingSpace && !this.atLineStart) this.parts.push(' ');
    this.parts.push(value);
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.pendingPrefix = '';
    this.atLineStart = value.endsWith('\n');
  }
}
