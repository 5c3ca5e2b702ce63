import type { Chunk, ParsedDocument, Section } from '../../domain/types.js';
import { countTokens } from '../../text/tokens.js';
import type { Chunker, ChunkingOptions } from '../types.js';

/**
 * Chunks prose by its own structure: one chunk per section (heading), a long section split at paragraph
 * boundaries, a paragraph longer than a chunk split at lines and then at words, and runs of tiny sections
 * merged so that a page of one-line headings does not become confetti. Line numbers follow the section's.
 */
export class SectionChunker implements Chunker {
  async chunk(document: ParsedDocument, options: ChunkingOptions): Promise<Chunk[]> {
    const pieces = document.sections.flatMap((section) => splitSection(section, options.maxTokens));
    return mergeSmall(pieces, options.maxTokens).map((piece, index) => ({ ...piece, index }));
  }
}

type Piece = Omit<Chunk, 'index'>;

interface Block {
  text: string;
  /** Offset of the block's first line within the section, from 0. */
  lineOffset: number;
  lineCount: number;
}

function splitSection(section: Section, maxTokens: number): Piece[] {
  const body = section.text.trim();
  if (!body) return [];
  const blocks = paragraphs(section.text).flatMap((block) => splitBlock(block, maxTokens));
  const pieces: Piece[] = [];
  let current: Block[] = [];
  let currentTokens = 0;
  const flush = () => {
    if (current.length === 0) return;
    const first = current[0] as Block;
    const last = current[current.length - 1] as Block;
    const piece: Piece = {
      text: current.map((block) => block.text).join('\n\n'),
      headingPath: section.headingPath,
      tokens: currentTokens,
    };
    if (section.startLine !== undefined) {
      piece.startLine = section.startLine + first.lineOffset;
      piece.endLine = section.startLine + last.lineOffset + last.lineCount - 1;
    }
    pieces.push(piece);
    current = [];
    currentTokens = 0;
  };
  for (const block of blocks) {
    const tokens = countTokens(block.text);
    if (currentTokens + tokens > maxTokens) flush();
    current.push(block);
    currentTokens += tokens;
  }
  flush();
  return pieces;
}

/** Blocks separated by blank lines, with their line positions. */
function paragraphs(value: string): Block[] {
  const lines = value.split('\n');
  const blocks: Block[] = [];
  let start = -1;
  for (let index = 0; index <= lines.length; index++) {
    const blank = index === lines.length || (lines[index] as string).trim() === '';
    if (!blank && start < 0) start = index;
    if (blank && start >= 0) {
      blocks.push({
        text: lines.slice(start, index).join('\n'),
        lineOffset: start,
        lineCount: index - start,
      });
      start = -1;
    }
  }
  return blocks;
}

/** Splits a block that alone exceeds the limit: at lines, and a line that alone exceeds it at words. */
function splitBlock(block: Block, maxTokens: number): Block[] {
  if (countTokens(block.text) <= maxTokens) return [block];
  const result: Block[] = [];
  const lines = block.text.split('\n');
  let current: string[] = [];
  let currentStart = 0;
  let currentTokens = 0;
  const flush = (nextStart: number) => {
    if (current.length > 0) {
      result.push({
        text: current.join('\n'),
        lineOffset: block.lineOffset + currentStart,
        lineCount: current.length,
      });
    }
    current = [];
    currentStart = nextStart;
    currentTokens = 0;
  };
  lines.forEach((line, index) => {
    const tokens = countTokens(line);
    if (tokens > maxTokens) {
      flush(index);
      for (const part of splitWords(line, maxTokens)) {
        result.push({ text: part, lineOffset: block.lineOffset + index, lineCount: 1 });
      }
      currentStart = index + 1;
      return;
    }
    if (currentTokens + tokens > maxTokens) flush(index);
    current.push(line);
    currentTokens += tokens;
  });
  flush(lines.length);
  return result;
}

function splitWords(line: string, maxTokens: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const word of line.split(/(?<=\s)/)) {
    if (current && countTokens(current + word) > maxTokens) {
      parts.push(current.trim());
      current = '';
    }
    current += word;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Joins consecutive small pieces (each under a third of the limit) while they fit together. */
function mergeSmall(pieces: Piece[], maxTokens: number): Piece[] {
  const small = maxTokens / 3;
  const result: Piece[] = [];
  for (const piece of pieces) {
    const previous = result[result.length - 1];
    if (
      previous &&
      previous.tokens < small &&
      piece.tokens < small &&
      previous.tokens + piece.tokens <= maxTokens
    ) {
      const headingPath = commonPrefix(previous.headingPath, piece.headingPath);
      const merged: Piece = {
        text: `${withOwnHeading(previous, headingPath)}\n\n${withOwnHeading(piece, headingPath)}`,
        headingPath,
        tokens: previous.tokens + piece.tokens,
      };
      if (previous.startLine !== undefined) merged.startLine = previous.startLine;
      const endLine = piece.endLine ?? previous.endLine;
      if (endLine !== undefined) merged.endLine = endLine;
      result[result.length - 1] = merged;
    } else {
      result.push(piece);
    }
  }
  return result;
}

/** The piece's text, led by its own heading when the merged chunk's heading path no longer names it. */
function withOwnHeading(piece: Piece, mergedPath: string[]): string {
  const heading = piece.headingPath[piece.headingPath.length - 1];
  return heading && piece.headingPath.length > mergedPath.length ? `${heading}\n${piece.text}` : piece.text;
}

function commonPrefix(left: string[], right: string[]): string[] {
  const prefix: string[] = [];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    if (left[index] !== right[index]) break;
    prefix.push(left[index] as string);
  }
  return prefix;
}
