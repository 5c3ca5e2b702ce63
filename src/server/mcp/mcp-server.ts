import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ApiDependencies, Caller } from '../api-dependencies.js';
import { registerAskTool } from './ask-tool.js';
import { registerGetDocumentTool } from './get-document-tool.js';
import { registerSearchTool } from './search-tool.js';

/** An MCP server whose tools see what one caller may read, and nothing else. */
export function createMcpServer(dependencies: ApiDependencies, caller: Caller): McpServer {
  const server = new McpServer(
    { name: 'spravka', version: '0.1.0' },
    {
      instructions:
        'spravka answers from a company knowledge base (wiki, code, issues). Use `ask` for a cited answer, ' +
        '`search` to find passages, and `get_document` to read a whole document from a search result.',
    },
  );
  registerSearchTool(server, dependencies, caller);
  registerAskTool(server, dependencies, caller);
  registerGetDocumentTool(server, dependencies, caller);
  return server;
}
