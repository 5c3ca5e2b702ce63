import type { Chunk, ParsedDocument } from '../domain/types.js';
import { CodeChunker } from './chunk/code.js';
import { SectionChunker } from './chunk/sections.js';
import { parseDocument } from './parse/index.js';
import type { Chunker, ChunkingOptions, ParserInput } from './types.js';

export type { ChunkingOptions, ParserInput } from './types.js';
export { DEFAULT_CHUNKING } from './types.js';

export interface IngestedDocument {
  parsed: ParsedDocument;
  chunks: Chunk[];
}

/** Parse → chunk: bytes of one file in, its structured chunks out. */
export interface Ingestor {
  ingest(input: ParserInput): Promise<IngestedDocument>;
}

/**
 * An ingestor that builds the pipeline (loading tree-sitter grammars) on the first document, so a sync
 * with nothing to parse does not pay for it.
 */
export function lazyIngestor(options: ChunkingOptions): Ingestor {
  let pipeline: Promise<IngestPipeline> | undefined;
  return {
    async ingest(input) {
      pipeline ??= IngestPipeline.create(options);
      return (await pipeline).ingest(input);
    },
  };
}

export class IngestPipeline implements Ingestor {
  private constructor(
    private readonly chunkers: Record<ParsedDocument['kind'], Chunker>,
    private readonly options: ChunkingOptions,
  ) {}

  static async create(options: ChunkingOptions): Promise<IngestPipeline> {
    return new IngestPipeline({ prose: new SectionChunker(), code: await CodeChunker.create() }, options);
  }

  async ingest(input: ParserInput): Promise<IngestedDocument> {
    const parsed = await parseDocument(input);
    const chunks = await this.chunkers[parsed.kind].chunk(parsed, this.options);
    return { parsed, chunks };
  }
}
