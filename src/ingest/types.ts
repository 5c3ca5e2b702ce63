import type { Chunk, ParsedDocument } from '../domain/types.js';

/** One file handed to a parser: its path relative to the source root (POSIX) and its raw bytes. */
export interface ParserInput {
  path: string;
  bytes: Uint8Array;
}

/** Turns the bytes of one kind of file into a ParsedDocument. Throws ParseError on malformed input. */
export interface Parser {
  readonly name: string;
  parse(input: ParserInput): Promise<ParsedDocument>;
}

export interface ChunkingOptions {
  /** Largest chunk, in tokens (as counted by countTokens). */
  maxTokens: number;
  /** Lines shared by consecutive windows when a line-window split is needed. */
  overlapLines: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { maxTokens: 320, overlapLines: 2 };

/** Splits a parsed document into chunks that follow its structure. */
export interface Chunker {
  chunk(document: ParsedDocument, options: ChunkingOptions): Promise<Chunk[]>;
}
