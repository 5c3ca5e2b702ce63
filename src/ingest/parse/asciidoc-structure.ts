import type { LineHeading } from './line-sections.js';

/**
 * Finds the section titles of an AsciiDoc document, in both styles:
 * - one-line: `= Document title`, `== Section` … `====== Level 5`;
 * - two-line: a title over an underline of `=`, `-`, `~`, `^` or `+` (levels 0–4) whose length is within
 *   two characters of the title's.
 * Nothing inside a delimited block (`----` listing, `....` literal, `====` example, `****` sidebar,
 * `____` quote, `++++` passthrough, `////` comment, `--` open block, `|===` table, ``` fence) is a title,
 * which is what keeps a listing's `----` lines and the `=======` of a merge conflict shown in one
 * from being read as underlines. A two-line title must follow a blank line, a `[…]` attribute or anchor
 * line, a `//` comment, or the start of the file, as it always does in practice; a line of text
 * followed by `----` is the opening of a listing, not a title.
 */
export function findAsciiDocHeadings(lines: readonly string[]): LineHeading[] {
  const headings: LineHeading[] = [];
  const closers = delimiterPositions(lines);
  const openBlocks: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trimEnd();
    const delimiter = blockDelimiter(line);
    const innermost = openBlocks.at(-1);
    if (innermost !== undefined) {
      if (delimiter === innermost) openBlocks.pop();
      else if (delimiter !== undefined && !isVerbatim(innermost) && hasCloser(closers, delimiter, index)) {
        openBlocks.push(delimiter);
      }
      continue;
    }
    const heading = oneLineHeading(line, index) ?? twoLineHeading(lines, index);
    if (heading) {
      const previousEnd = headings.at(-1);
      headings.push(
        withAttributeLines(heading, lines, previousEnd ? previousEnd.line + previousEnd.lineCount : 1),
      );
      index += heading.lineCount - 1;
      continue;
    }
    if (delimiter !== undefined && hasCloser(closers, delimiter, index)) openBlocks.push(delimiter);
  }
  return headings;
}

/** Whether a plain-text file is really AsciiDoc: it has at least one section title outside blocks. */
export function looksLikeAsciiDoc(lines: readonly string[]): boolean {
  return findAsciiDocHeadings(lines).length > 0;
}

const ONE_LINE_TITLE = /^(={1,6})[ \t]+(\S.*?)(?:[ \t]+=+)?$/;
const UNDERLINE = /^([=\-~^+])\1+$/;
const UNDERLINE_LEVELS: Readonly<Record<string, number>> = { '=': 0, '-': 1, '~': 2, '^': 3, '+': 4 };
const DELIMITER = /^(?:-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|\/{4,}|--|[|,:!]={3,})$/;
const VERBATIM = /^(?:-{4,}|\.{4,}|\+{4,}|\/{4,}|```)$/;
const NOT_A_TITLE_START = /^[\s[.:/*\-+|<>#$]/;
const LIST_ITEM = /^(?:\d+|[a-zA-Z]|[ivxIVX]+)\.[ \t]/;
const DESCRIPTION_TERM = /(?:::|;;)$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Extends a heading upwards over the `[[anchor]]` and `[attribute]` lines right above it, which belong
 * to it, so they are not left at the end of the section before.
 * @param firstFreeLine 1-based line after the previous heading, which the extension must not cross.
 */
function withAttributeLines(
  heading: LineHeading,
  lines: readonly string[],
  firstFreeLine: number,
): LineHeading {
  let line = heading.line;
  while (line - 1 >= firstFreeLine && isAttributeLine(lines[line - 2])) line -= 1;
  return { ...heading, line, lineCount: heading.lineCount + (heading.line - line) };
}

function isAttributeLine(line: string | undefined): boolean {
  const trimmed = line?.trim() ?? '';
  return trimmed.startsWith('[') && trimmed.endsWith(']');
}

function oneLineHeading(line: string, index: number): LineHeading | undefined {
  const match = ONE_LINE_TITLE.exec(line);
  const marks = match?.[1];
  const text = match?.[2];
  if (marks === undefined || text === undefined) return undefined;
  return { level: marks.length - 1, text: plainTitle(text), line: index + 1, lineCount: 1 };
}

function twoLineHeading(lines: readonly string[], index: number): LineHeading | undefined {
  const title = (lines[index] ?? '').trimEnd();
  const underline = (lines[index + 1] ?? '').trimEnd();
  const mark = UNDERLINE.exec(underline)?.[1];
  if (mark === undefined) return undefined;
  const level = UNDERLINE_LEVELS[mark];
  if (level === undefined) return undefined;
  if (Math.abs(characterCount(title) - underline.length) > 2) return undefined;
  if (!canBeTitle(title) || !canPrecedeTitle(lines[index - 1])) return undefined;
  return { level, text: plainTitle(title.trim()), line: index + 1, lineCount: 2 };
}

function canBeTitle(line: string): boolean {
  return (
    line.length > 0 &&
    !NOT_A_TITLE_START.test(line) &&
    !LIST_ITEM.test(line) &&
    !DESCRIPTION_TERM.test(line) &&
    LETTER_OR_DIGIT.test(line)
  );
}

function canPrecedeTitle(line: string | undefined): boolean {
  if (line === undefined) return true;
  const trimmed = line.trim();
  return (
    trimmed.length === 0 ||
    isAttributeLine(trimmed) ||
    (trimmed.startsWith('//') && !trimmed.startsWith('////'))
  );
}

function blockDelimiter(line: string): string | undefined {
  if (line.startsWith('```')) return '```';
  return DELIMITER.test(line) ? line : undefined;
}

function isVerbatim(delimiter: string): boolean {
  return VERBATIM.test(delimiter);
}

/** Line indexes of every delimiter line, by delimiter, to tell whether a block opened here ever closes. */
function delimiterPositions(lines: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  lines.forEach((raw, index) => {
    const delimiter = blockDelimiter(raw.trimEnd());
    if (delimiter === undefined) return;
    const list = positions.get(delimiter);
    if (list) list.push(index);
    else positions.set(delimiter, [index]);
  });
  return positions;
}

function hasCloser(positions: Map<string, number[]>, delimiter: string, index: number): boolean {
  const list = positions.get(delimiter);
  return list !== undefined && (list.at(-1) ?? -1) > index;
}

/** Length in user-perceived characters, so a Cyrillic or emoji title matches its underline. */
function characterCount(value: string): number {
  return [...value].length;
}

const LINK_MACRO = /\b(?:https?:\/\/|mailto:|link:|xref:)[^\s[]*\[([^\]]+)\]/g;
const GIT_LINK = /\blinkgit:([^\s[]+)\[(\w+)\]/g;
const CROSS_REFERENCE = /<<[^,>]+,\s*([^>]+)>>/g;
const INLINE_ANCHOR = /\[\[[^\]]*\]\]/g;

/**
 * A title as read: `link:url[text]` and `<<id,text>>` become their text, `linkgit:git-log[1]` becomes
 * `git-log(1)`, and `[[anchor]]` marks go.
 */
function plainTitle(title: string): string {
  return title
    .replace(INLINE_ANCHOR, '')
    .trim()
    .replace(LINK_MACRO, '$1')
    .replace(GIT_LINK, '$1($2)')
    .replace(CROSS_REFERENCE, '$1');
}
