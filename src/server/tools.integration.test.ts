import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';
import { createTestSpravka, runSync } from '../../test-support/spravka.js';
import type { Spravka } from '../app.js';
import { createServerApp } from './app.js';

describe('the OpenAI-compatible API and MCP on the real server, scoped by the token’s user', () => {
  let spravka: Spravka;
  let url: string;
  let close: () => void;
  const tokens: Record<'hr' | 'outsider', string> = { hr: '', outsider: '' };
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    const test = await createTestSpravka();
    spravka = test.spravka;
    const folder = temporaryDirectory();
    cleanups.push(test.cleanup, folder.cleanup);
    writeTree(folder.path, {
      'hr/salaries.md': '# Salary review\n\nThe salary review happens every March; raises are 5 percent.\n',
    });
    spravka.addSource('hr', 'folder', { path: join(folder.path, 'hr') }, ['group:hr']);
    await runSync(spravka);
    const anna = await spravka.accounts.createUser({
      name: 'anna',
      password: 'anna-password',
      role: 'user',
      groups: ['hr'],
    });
    const boris = await spravka.accounts.createUser({
      name: 'boris',
      password: 'boris-password',
      role: 'user',
      groups: [],
    });
    tokens.hr = spravka.accounts.createApiToken(anna.id, 'ide').token;
    tokens.outsider = spravka.accounts.createApiToken(boris.id, 'ide').token;
    const server = serve({ fetch: createServerApp({ spravka }).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });

  afterAll(() => {
    close();
    for (const cleanup of cleanups.reverse()) cleanup();
  });

  it('answers through the official openai client with the citations appended, only from what the user may read', async () => {
    const hr = new OpenAI({ baseURL: `${url}/v1`, apiKey: tokens.hr });
    const models = await hr.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['spravka']);
    const answer = await hr.chat.completions.create({
      model: 'spravka',
      messages: [{ role: 'user', content: 'When is the salary review?' }],
    });
    const content = answer.choices[0]?.message.content ?? '';
    expect(content).toContain('every March');
    expect(content).toMatch(/Sources:\n- \[1\] Salary review/);

    const outsider = new OpenAI({ baseURL: `${url}/v1`, apiKey: tokens.outsider });
    let streamed = '';
    const stream = await outsider.chat.completions.create({
      model: 'spravka',
      messages: [{ role: 'user', content: 'When is the salary review?' }],
      stream: true,
    });
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toMatch(/^I don't know/);
    expect(streamed).not.toContain('March');
  });

  it('MCP tools see only the documents the token’s user may read', async () => {
    const connect = async (token: string) => {
      const client = new Client({ name: 'spravka-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
          requestInit: { headers: { authorization: `Bearer ${token}` } },
        }),
      );
      return client;
    };
    const hr = await connect(tokens.hr);
    const outsider = await connect(tokens.outsider);
    const read = (client: Client) =>
      client.callTool({ name: 'get_document', arguments: { source: 'hr', uri: 'salaries.md' } });
    expect(JSON.stringify(await read(hr))).toContain('every March');
    const denied = JSON.stringify(await read(outsider));
    expect(denied).toContain('not found');
    expect(denied).not.toContain('March');
    const searched = JSON.stringify(
      await outsider.callTool({ name: 'search', arguments: { query: 'salary review' } }),
    );
    expect(searched).not.toContain('salaries.md');
    await hr.close();
    await outsider.close();
  });
});
