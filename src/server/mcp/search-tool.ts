import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ApiDependencies, Caller } from '../api-dependencies.js';
import { failureResult, textResult } from './tool-result.js';

const DEFAULT_RESULTS = 10;
const MAX_RESULTS = 50;

/** `search {query, k?}`: the hybrid search over what the caller may read, as JSON text. */
export function registerSearchTool(server: McpServer, dependencies: ApiDependencies, caller: Caller): void {
  server.registerTool(
    'search',
    {
      title: 'Search the knowledge base',
      description:
        'Hybrid (keyword and semantic) search over the wiki, code and documents you may read. ' +
        'Returns the best passages as JSON: rank, title, source, uri, url, lines, section and snippet.',
      inputSchema: {
        query: z.string().min(1).describe('What to look for, in Russian or English.'),
        k: z
          .number()
          .int()
          .min(1)
          .max(MAX_RESULTS)
          .optional()
          .describe(`How many results (default ${DEFAULT_RESULTS}).`),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, k }) => {
      try {
        const results = await dependencies.search({
          query,
          k: k ?? DEFAULT_RESULTS,
          principals: caller.principals,
        });
        const passages = results.map((result) => ({
          rank: result.rank,
          title: result.title,
          source: result.source,
          uri: result.uri,
          url: result.url,
          lines: result.lines,
          section: result.section,
          snippet: result.text,
        }));
        return textResult(JSON.stringify(passages, null, 2));
      } catch (error) {
        return failureResult(error);
      }
    },
  );
}
