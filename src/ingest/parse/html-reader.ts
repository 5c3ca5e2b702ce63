import { Parser as HtmlTokenizer } from 'htmlparser2';
import type { Section } from '../../domain/types.js';
import { type HtmlAttributes, isBoilerplate } from './html-boilerplate.js';
import { HtmlTextBuilder } from './html-text-builder.js';

/** What a document's HTML says about its structure. */
export interface HtmlContent {
  /** Text of the `<title>` element, if any. */
  titleElement: string | undefined;
  /** The first heading, `<h1>` to `<h6>`, that has text. */
  firstHeading: HtmlHeading | undefined;
  /** The first `<h1>` that has text. */
  firstTopHeading: string | undefined;
  /**
   * Sections split at `<h1>`…`<h6>`: the text under each heading, whose path ends with it. Text before
   * the first heading is a section with an empty heading path. Sections without text are left out.
   */
  sections: Section[];
}

export interface HtmlHeading {
  level: number;
  text: string;
}

/**
 * Reads HTML in one streaming pass (htmlparser2): drops page furniture (see isBoilerplate), decodes
 * entities, keeps paragraphs, list items, table rows and `<pre>` blocks on lines of their own, and
 * splits the text at headings with the path of enclosing headings.
 */
export function readHtml(html: string): HtmlContent {
  const walker = new HtmlWalker();
  const tokenizer = new HtmlTokenizer(
    {
      onopentag: (name, attributes) => walker.open(name, attributes),
      onclosetag: (name) => walker.close(name),
      ontext: (value) => walker.text(value),
    },
    { decodeEntities: true },
  );
  tokenizer.end(html);
  return walker.finish();
}

const HEADING = /^h([1-6])$/;
const PARAGRAPH_BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'table',
  'dl',
  'figure',
  'hr',
  'address',
  'details',
  'fieldset',
  'center',
  'header',
  'footer',
  'aside',
]);
const LINE_BLOCKS: ReadonlySet<string> = new Set([
  'tr',
  'dt',
  'br',
  'caption',
  'figcaption',
  'summary',
  'legend',
]);
const SECTIONING: ReadonlySet<string> = new Set(['article', 'section', 'main']);
const CELLS: ReadonlySet<string> = new Set(['td', 'th']);

interface ListState {
  ordered: boolean;
  next: number;
  items: number;
}

interface OpenSection {
  headingPath: string[];
  body: HtmlTextBuilder;
}

class HtmlWalker {
  private depth = 0;
  /** Depth of the dropped element being skipped, or 0 when not skipping. */
  private skipDepth = 0;
  private sectioningDepth = 0;
  private preDepth = 0;
  private preformatted = '';
  private title: string | undefined;
  private titleText: string | undefined;
  private headingLevel = 0;
  private headingText = '';
  private firstHeading: HtmlHeading | undefined;
  private firstTopHeading: string | undefined;
  private readonly headingStack: HtmlHeading[] = [];
  private readonly lists: ListState[] = [];
  private readonly cellCounts: number[] = [];
  private readonly sections: Section[] = [];
  private current: OpenSection = { headingPath: [], body: new HtmlTextBuilder() };

  open(name: string, attributes: HtmlAttributes): void {
    this.depth += 1;
    if (this.skipDepth > 0) return;
    if (isBoilerplate(name, attributes, this.sectioningDepth > 0)) {
      this.skipDepth = this.depth;
      return;
    }
    if (SECTIONING.has(name)) this.sectioningDepth += 1;
    const headingLevel = Number(HEADING.exec(name)?.[1] ?? 0);
    if (headingLevel > 0 && this.headingLevel === 0 && this.preDepth === 0) {
      this.headingLevel = headingLevel;
      this.headingText = '';
    } else if (name === 'title' && this.title === undefined) {
      this.titleText = '';
    } else if (name === 'pre') {
      this.preDepth += 1;
    } else if (this.preDepth > 0) {
      if (name === 'br') this.preformatted += '\n';
    } else {
      this.openBlock(name, attributes);
    }
  }

  close(name: string): void {
    const closingDepth = this.depth;
    this.depth -= 1;
    if (this.skipDepth > 0) {
      if (closingDepth === this.skipDepth) this.skipDepth = 0;
      return;
    }
    if (SECTIONING.has(name)) this.sectioningDepth -= 1;
    if (this.headingLevel > 0 && name === `h${this.headingLevel}`) {
      this.closeHeading();
    } else if (name === 'title' && this.titleText !== undefined) {
      const title = collapse(this.titleText);
      this.title = title.length > 0 ? title : undefined;
      this.titleText = undefined;
    } else if (name === 'pre' && this.preDepth > 0) {
      this.preDepth -= 1;
      if (this.preDepth === 0) this.closePreformatted();
    } else if (this.preDepth === 0) {
      this.closeBlock(name);
    }
  }

  text(value: string): void {
    if (this.skipDepth > 0) return;
    if (this.titleText !== undefined) this.titleText += value;
    else if (this.headingLevel > 0) this.headingText += value;
    else if (this.preDepth > 0) this.preformatted += value;
    else this.current.body.addText(value);
  }

  finish(): HtmlContent {
    this.closeSection();
    return {
      titleElement: this.title,
      firstHeading: this.firstHeading,
      firstTopHeading: this.firstTopHeading,
      sections: this.sections,
    };
  }

  private openBlock(name: string, attributes: HtmlAttributes): void {
    const body = this.current.body;
    if (name === 'ul' || name === 'ol') {
      body.requestBreak(this.lists.length === 0 ? 2 : 1);
      const start = Number.parseInt(attributes.start ?? '1', 10);
      this.lists.push({ ordered: name === 'ol', next: Number.isNaN(start) ? 1 : start, items: 0 });
    } else if (name === 'li') {
      const list = this.lists.at(-1);
      body.startLineWith(this.listMarker(), (list?.items ?? 0) > 0);
      if (list) list.items += 1;
    } else if (name === 'dd') {
      body.startLineWith('  ', true);
    } else if (name === 'tr') {
      body.requestBreak(1);
      this.cellCounts.push(0);
    } else if (CELLS.has(name)) {
      const cells = this.cellCounts.at(-1) ?? 0;
      if (cells > 0) body.addText(' | ');
      if (this.cellCounts.length > 0) this.cellCounts[this.cellCounts.length - 1] = cells + 1;
    } else if (PARAGRAPH_BLOCKS.has(name)) {
      body.requestBreak(2);
    } else if (LINE_BLOCKS.has(name)) {
      body.requestBreak(1);
    }
  }

  private closeBlock(name: string): void {
    const body = this.current.body;
    if (name === 'ul' || name === 'ol') {
      this.lists.pop();
      body.requestBreak(this.lists.length === 0 ? 2 : 1);
    } else if (name === 'li' || name === 'dd') {
      body.requestBreak(1);
    } else if (name === 'tr') {
      this.cellCounts.pop();
      body.requestBreak(1);
    } else if (PARAGRAPH_BLOCKS.has(name)) {
      body.requestBreak(2);
    } else if (LINE_BLOCKS.has(name)) {
      body.requestBreak(1);
    }
  }

  private listMarker(): string {
    const list = this.lists.at(-1);
    const indent = '  '.repeat(Math.max(this.lists.length - 1, 0));
    if (!list?.ordered) return `${indent}- `;
    const marker = `${indent}${list.next}. `;
    list.next += 1;
    return marker;
  }

  private closeHeading(): void {
    const level = this.headingLevel;
    const text = collapse(this.headingText);
    this.headingLevel = 0;
    this.headingText = '';
    if (text.length === 0) return;
    this.firstHeading ??= { level, text };
    if (level === 1) this.firstTopHeading ??= text;
    this.closeSection();
    while ((this.headingStack.at(-1)?.level ?? 0) >= level) this.headingStack.pop();
    this.headingStack.push({ level, text });
    this.current = {
      headingPath: this.headingStack.map((heading) => heading.text),
      body: new HtmlTextBuilder(),
    };
  }

  private closePreformatted(): void {
    const block = this.preformatted.replace(/^\n/, '').trimEnd();
    this.preformatted = '';
    this.current.body.addPreformatted(block);
  }

  private closeSection(): void {
    const { headingPath, body } = this.current;
    if (!body.isEmpty) this.sections.push({ headingPath, text: body.toString() });
  }
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
