/** Metadata block at the top of a Markdown file: YAML between `---` lines or TOML between `+++` lines. */
export interface FrontMatter {
  /** The `title` field, unquoted, if the block has one. */
  title: string | undefined;
  /** How many lines the block takes, delimiters included. */
  lineCount: number;
}

const BLOCK = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/;
const TITLE = /^title[ \t]*[:=][ \t]*(.*?)[ \t]*$/m;

/** Reads the front matter at the very start of a text, or returns undefined if there is none. */
export function readFrontMatter(source: string): FrontMatter | undefined {
  const match = BLOCK.exec(source);
  if (!match) return undefined;
  const block = match[0];
  const lineCount = block.endsWith('\n') ? countNewlines(block) : countNewlines(block) + 1;
  const title = unquote(TITLE.exec(match[2] ?? '')?.[1] ?? '');
  return { title: title.length > 0 ? title : undefined, lineCount };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return (quoted ? (quoted[2] ?? '') : value).trim();
}

function countNewlines(value: string): number {
  let count = 0;
  for (const character of value) if (character === '\n') count += 1;
  return count;
}
