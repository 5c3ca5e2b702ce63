import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ANSWER_WORDS,
  type FakeApiDependencies,
  fakeApiDependencies,
  startApiServer,
  TOKENS,
} from '../../../test-support/fake-api-dependencies.js';
import { createMcpApp } from './app.js';

describe('MCP server', () => {
  let dependencies: FakeApiDependencies;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  const clients: Client[] = [];

  const connect = async (token?: string) => {
    const client = new Client({ name: 'spravka-test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
      requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
    });
    clients.push(client);
    await client.connect(transport);
    return client;
  };
  const textOf = (result: unknown) =>
    (result as CallToolResult).content.map((part) => (part.type === 'text' ? part.text : '')).join('');

  beforeAll(async () => {
    server = await startApiServer({
      '/mcp': createMcpApp({
        authenticate: (token) => dependencies.authenticate(token),
        ask: (request) => dependencies.ask(request),
        search: (request) => dependencies.search(request),
        getDocument: (caller, source, uri) => dependencies.getDocument(caller, source, uri),
      }),
    });
  });

  beforeEach(() => {
    dependencies = fakeApiDependencies();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  afterAll(() => server.close());

  it('lists the three tools', async () => {
    const client = await connect(TOKENS.alice);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['ask', 'get_document', 'search']);
  });

  it("searches with the caller's principals and returns titles, uris, urls and snippets", async () => {
    const client = await connect(TOKENS.alice);
    const result = await client.callTool({ name: 'search', arguments: { query: 'backup', k: 5 } });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(textOf(result))).toEqual([
      {
        rank: 1,
        title: 'Backups',
        source: 'wiki',
        uri: 'backup.md',
        url: 'https://wiki.example/backup',
        snippet: 'Run the nightly backup with restic.',
      },
    ]);
    expect(dependencies.calls.search).toEqual([
      { query: 'backup', k: 5, principals: ['user:alice', 'group:staff', 'public'] },
    ]);
  });

  it('answers with the sources listed, as the token user', async () => {
    const client = await connect(TOKENS.bob);
    const result = await client.callTool({
      name: 'ask',
      arguments: { question: 'When does the backup run?' },
    });
    expect(textOf(result)).toBe(
      `${ANSWER_WORDS.join('')}\n\nSources:\n- [1] Backups — https://wiki.example/backup\n` +
        '- [2] backup.sh — code/scripts/backup.sh:3-9',
    );
    expect(dependencies.calls.ask[0]).toMatchObject({
      question: 'When does the backup run?',
      principals: ['user:bob', 'group:admins', 'public'],
    });
  });

  it('reports a failed answer as a tool error', async () => {
    const client = await connect(TOKENS.alice);
    const result = await client.callTool({ name: 'ask', arguments: { question: 'broken' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('The language model failed. Check the model server.');
  });

  it('cancels an answer when the client goes away', async () => {
    const client = await connect(TOKENS.alice);
    const call = client.callTool({ name: 'ask', arguments: { question: 'slow question' } });
    await expect.poll(() => dependencies.calls.ask.length).toBe(1);
    await client.close();
    await expect(call).rejects.toThrow();
    await dependencies.cancelled;
    expect(dependencies.calls.ask[0]?.signal?.aborted).toBe(true);
  });

  it('returns a readable document', async () => {
    const client = await connect(TOKENS.alice);
    const result = await client.callTool({
      name: 'get_document',
      arguments: { source: 'wiki', uri: 'backup.md' },
    });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toContain('Run the nightly backup with restic.');
    expect(dependencies.calls.getDocument[0]?.caller.userName).toBe('alice');
  });

  it("says the same 'not found' for another group's document as for a missing one", async () => {
    const client = await connect(TOKENS.alice);
    const forbidden = await client.callTool({
      name: 'get_document',
      arguments: { source: 'vault', uri: 'keys.md' },
    });
    const missing = await client.callTool({
      name: 'get_document',
      arguments: { source: 'vault', uri: 'nope.md' },
    });
    expect(forbidden.isError).toBe(true);
    expect(missing.isError).toBe(true);
    expect(textOf(forbidden)).toBe('Document not found: vault/keys.md.');
    expect(textOf(missing)).toBe('Document not found: vault/nope.md.');
    const admin = await connect(TOKENS.bob);
    const allowed = await admin.callTool({
      name: 'get_document',
      arguments: { source: 'vault', uri: 'keys.md' },
    });
    expect(textOf(allowed)).toContain('The backup encryption keys.');
  });

  it('refuses a missing or wrong token with 401', async () => {
    await expect(connect()).rejects.toMatchObject({ code: 401 });
    await expect(connect('spr_wrong')).rejects.toMatchObject({ code: 401 });
    const response = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(dependencies.calls).toEqual({ ask: [], search: [], getDocument: [] });
  });
});
