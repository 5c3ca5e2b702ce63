import type { Section } from '../../domain/types.js';

/** A heading found in a line-based document (Markdown, AsciiDoc). */
export interface LineHeading {
  /** Nesting depth: smaller is outer. Markdown uses 1–6, AsciiDoc 0–5. */
  level: number;
  /** The heading as plain text, without markup. */
  text: string;
  /** 1-based line where the heading starts. */
  line: number;
  /** How many lines the heading takes: 1, or 2 for an underlined heading. */
  lineCount: number;
}

interface PathEntry {
  level: number;
  text: string;
}

/**
 * Cuts a document's lines into sections at its headings. A section is the body under a heading: from the
 * line after the heading to the line before the next one, with leading and trailing blank lines trimmed,
 * so its text is exactly `lines[startLine - 1 .. endLine - 1]` joined by newlines. The heading itself is
 * not in the text but ends the section's heading path, the stack of enclosing headings. Sections with no
 * body are left out: their heading still shows in the heading path of the sections below it.
 * @param headings in document order, non-overlapping.
 */
export function sectionsFromHeadings(lines: readonly string[], headings: readonly LineHeading[]): Section[] {
  const sections: Section[] = [];
  const path: PathEntry[] = [];
  const firstHeadingLine = headings[0]?.line ?? lines.length + 1;
  pushSection(sections, lines, [], 1, firstHeadingLine - 1);
  headings.forEach((heading, index) => {
    while (path.length > 0 && (path.at(-1)?.level ?? 0) >= heading.level) path.pop();
    path.push({ level: heading.level, text: heading.text });
    const nextLine = headings[index + 1]?.line ?? lines.length + 1;
    const headingPath = path.map((entry) => entry.text);
    pushSection(sections, lines, headingPath, heading.line + heading.lineCount, nextLine - 1);
  });
  return sections;
}

function pushSection(
  sections: Section[],
  lines: readonly string[],
  headingPath: string[],
  firstLine: number,
  lastLine: number,
): void {
  let start = firstLine;
  let end = lastLine;
  while (start <= end && isBlank(lines[start - 1])) start += 1;
  while (end >= start && isBlank(lines[end - 1])) end -= 1;
  if (end < start) return;
  sections.push({
    headingPath,
    text: lines.slice(start - 1, end).join('\n'),
    startLine: start,
    endLine: end,
  });
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim().length === 0;
}
