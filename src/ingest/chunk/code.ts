/**
 * Code-aware chunking: each section of a code document is parsed with tree-sitter and cut at declaration
 * boundaries (functions, classes, methods, interfaces, types, modules), small neighbours packed together and
 * oversized declarations split into their members. Languages without a grammar, and text the parser
 * rejects outright, are cut into line windows instead.
 */
import type { Chunk, ParsedDocument, Section } from '../../domain/types.js';
import type { Chunker, ChunkingOptions } from '../types.js';
import { outline } from './code-outline.js';
import { CodePacker } from './code-packer.js';
import { chunkLineRange } from './lines.js';
import { SourceLines } from './lines-source.js';
import { initialiseTreeSitter, loadParser, type SyntaxTree } from './tree-sitter.js';
import { type GrammarLanguage, hasGrammar } from './tree-sitter-grammars.js';

/** Chunks code documents along their syntax; see the module comment. */
export class CodeChunker implements Chunker {
  private constructor() {}

  /** Starts the tree-sitter runtime, so a broken installation fails here; grammars load on first use. */
  static async create(): Promise<CodeChunker> {
    await initialiseTreeSitter();
    return new CodeChunker();
  }

  async chunk(document: ParsedDocument, options: ChunkingOptions): Promise<Chunk[]> {
    const chunks: Chunk[] = [];
    for (const section of document.sections) {
      chunks.push(...(await this.chunkSection(section, document.language, options)));
    }
    return chunks.map((chunk, index) => ({ ...chunk, index }));
  }

  private async chunkSection(
    section: Section,
    language: string | undefined,
    options: ChunkingOptions,
  ): Promise<Chunk[]> {
    const source = new SourceLines(section.text);
    const startLine = section.startLine ?? 1;
    const tree = hasGrammar(language) ? await parse(language, section.text) : undefined;
    if (!tree) {
      return chunkLineRange(source, 0, source.count - 1, options, {
        headingPath: section.headingPath,
        startLine,
      });
    }
    try {
      const items = outline(tree.rootNode.namedChildren, 0, source.count - 1);
      return new CodePacker(source, options, startLine).chunk(items, {
        headingPath: section.headingPath,
        qualifier: [],
        insideFunction: false,
      });
    } finally {
      tree.delete();
    }
  }
}

/** A parse may take this long before it is abandoned, plus PARSE_MICROSECONDS_PER_CHARACTER. */
const PARSE_TIMEOUT_MICROSECONDS = 1_000_000;
/** Tree-sitter parses several megabytes a second; this leaves a wide margin on a slow machine. */
const PARSE_MICROSECONDS_PER_CHARACTER = 10;

/**
 * The syntax tree of a text, or undefined when the parser gives up. Tree-sitter recovers from syntax errors
 * with ERROR nodes, so this only happens when the WebAssembly parser fails or runs past its time limit
 * (a grammar bug can make it loop); the text is then chunked by lines.
 */
async function parse(language: GrammarLanguage, text: string): Promise<SyntaxTree | undefined> {
  const parser = await loadParser(language);
  parser.setTimeoutMicros(PARSE_TIMEOUT_MICROSECONDS + text.length * PARSE_MICROSECONDS_PER_CHARACTER);
  try {
    return parser.parse(text) ?? undefined;
  } catch {
    // A halted parse would otherwise be resumed by the next call.
    parser.reset();
    return undefined;
  }
}
