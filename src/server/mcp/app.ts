import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono } from 'hono';
import { type ApiDependencies, authenticateRequest } from '../api-dependencies.js';
import { closeWhenSent } from './close-when-sent.js';
import { createMcpServer } from './mcp-server.js';

/**
 * MCP over streamable HTTP, mounted at `/mcp`, stateless: each POST gets its own server, whose tools are
 * scoped to the bearer token's user, and is closed once its answer is sent — or when the client leaves,
 * which cancels the tool calls in flight. There are no sessions, so no GET stream and no DELETE.
 */
export function createMcpApp(dependencies: ApiDependencies): Hono {
  const app = new Hono();

  app.post('/', async (context) => {
    const caller = authenticateRequest(dependencies, context.req.header('authorization'));
    if (!caller) {
      const description = 'Missing or invalid bearer token: send a spravka API token.';
      context.header('WWW-Authenticate', `Bearer error="invalid_token", error_description="${description}"`);
      return context.json({ error: 'invalid_token', error_description: description }, 401);
    }
    const server = createMcpServer(dependencies, caller);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    const response = await transport.handleRequest(context.req.raw);
    return closeWhenSent(response, context.req.raw.signal, () => server.close());
  });

  app.on(['GET', 'DELETE'], '/', (context) =>
    context.json(
      {
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Method not allowed: this server is stateless.' },
        id: null,
      },
      405,
      { Allow: 'POST' },
    ),
  );

  return app;
}
