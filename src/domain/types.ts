/**
 * The domain vocabulary shared by every area: principals, sources, documents, sections and chunks.
 * Nothing here does I/O.
 */

/** Who may read a document: `public`, `user:NAME`, `group:NAME`, or a source-specific principal. */
export type Principal = string;

/** The principal every caller has; documents are readable by it unless a source says otherwise. */
export const PUBLIC_PRINCIPAL: Principal = 'public';

export const SOURCE_TYPES = ['folder', 'git'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** A piece of a parsed document under one heading path; lines are 1-based and inclusive when known. */
export interface Section {
  headingPath: string[];
  text: string;
  startLine?: number;
  endLine?: number;
}

export type DocumentKind = 'prose' | 'code';

/** What a parser makes of a file: a title and its text split by the document's own structure. */
export interface ParsedDocument {
  title: string;
  kind: DocumentKind;
  /** Programming language for code (`typescript`, `python`…), absent for prose. */
  language?: string;
  sections: Section[];
}

/** A retrievable unit of a document, small enough to embed and to quote in a prompt. */
export interface Chunk {
  /** Position of the chunk in its document, from 0. */
  index: number;
  text: string;
  headingPath: string[];
  /** Function, class or method name for code chunks. */
  symbol?: string;
  startLine?: number;
  endLine?: number;
  /** Size in tokens as counted by the chunker's token counter. */
  tokens: number;
}

export interface LineRange {
  start: number;
  end: number;
}
