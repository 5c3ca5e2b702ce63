import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ApiDependencies, Caller } from '../api-dependencies.js';
import { errorResult, failureResult, textResult } from './tool-result.js';

/**
 * `get_document {source, uri}`: a whole document the caller may read. A document they may not read
 * gets the same "not found" as a missing one, so that nothing about it leaks.
 */
export function registerGetDocumentTool(
  server: McpServer,
  dependencies: ApiDependencies,
  caller: Caller,
): void {
  server.registerTool(
    'get_document',
    {
      title: 'Read a whole document',
      description: 'The full text of a document found by search or cited by ask, by its source name and uri.',
      inputSchema: {
        source: z.string().min(1).describe('The source name, as search and ask return it.'),
        uri: z.string().min(1).describe('The document uri within the source, as search and ask return it.'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ source, uri }) => {
      try {
        const document = await dependencies.getDocument(caller, source, uri);
        if (!document) return errorResult(`Document not found: ${source}/${uri}.`);
        const location = document.url ?? `${document.source}/${document.uri}`;
        return textResult(`# ${document.title}\n${location}\n\n${document.text}`);
      } catch (error) {
        return failureResult(error);
      }
    },
  );
}
