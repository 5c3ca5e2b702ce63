import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';
import { readEvents, TestBrowser } from '../../test-support/server.js';
import { createTestSpravka, runSync } from '../../test-support/spravka.js';
import type { Spravka } from '../app.js';
import { createServerApp } from './app.js';

describe('HTTP API with accounts', () => {
  let spravka: Spravka;
  let app: ReturnType<typeof createServerApp>;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    const test = await createTestSpravka();
    spravka = test.spravka;
    const folder = temporaryDirectory();
    cleanups.push(test.cleanup, folder.cleanup);
    writeTree(folder.path, {
      'wiki/nginx.md':
        '# Nginx\n\n## Reload\n\nTo apply a changed configuration run `systemctl reload nginx`. The configuration lives in /etc/nginx.\n',
      'hr/salaries.md': '# Salary review\n\nThe salary review happens every March; raises are 5 percent.\n',
      'new/vpn.md': '# VPN\n\nConnect to the corporate VPN with OpenVPN and the company.ovpn profile.\n',
    });
    spravka.addSource('wiki', 'folder', { path: join(folder.path, 'wiki') }, ['public']);
    spravka.addSource('hr', 'folder', { path: join(folder.path, 'hr') }, ['group:hr']);
    await runSync(spravka);
    (globalThis as { newFolder?: string }).newFolder = join(folder.path, 'new');
    app = createServerApp({ spravka, maxBodyBytes: 64 * 1024 });
  });

  afterAll(() => {
    for (const cleanup of cleanups.reverse()) cleanup();
  });

  const admin = () => new TestBrowser(app as never);

  it('first run: setup creates the first administrator once, then is closed', async () => {
    const browser = admin();
    expect(await (await browser.request('/api/setup')).json()).toEqual({ needsAdmin: true });
    const created = await browser.request('/api/setup', {
      method: 'POST',
      body: { name: 'Olga', password: 'correct horse 1' },
    });
    expect(created.status).toBe(200);
    const body = (await created.json()) as { user: { name: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ name: 'olga', role: 'admin' });
    expect(created.headers.get('set-cookie')).toMatch(/spravka_session=.+; .*HttpOnly/i);
    expect(created.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    expect(await (await browser.request('/api/setup')).json()).toEqual({ needsAdmin: false });
    const again = await new TestBrowser(app as never).request('/api/setup', {
      method: 'POST',
      body: { name: 'mallory', password: 'whatever123' },
    });
    expect(again.status).toBe(403);
  });

  it('signs in, knows who is signed in, requires the CSRF token, and signs out', async () => {
    const browser = admin();
    expect((await browser.login('olga', 'wrong password')).status).toBe(401);
    expect((await browser.login('olga', 'correct horse 1')).status).toBe(200);
    const me = (await (await browser.request('/api/auth/me')).json()) as { user: { principals: string[] } };
    expect(me.user.principals).toEqual(['user:olga', 'public']);
    const withoutCsrf = await browser.request('/api/tokens', {
      method: 'POST',
      body: { name: 'x' },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(withoutCsrf.status).toBe(403);
    expect((await browser.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await browser.request('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits repeated wrong passwords', async () => {
    const browser = new TestBrowser(app as never);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++)
      statuses.push((await browser.login('ivan-nobody', 'nope-nope')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('chat: streams an answer with sources, stores it, and keeps conversations private to their owner', async () => {
    const olga = admin();
    await olga.login('olga', 'correct horse 1');
    const created = await olga.request('/api/admin/users', {
      method: 'POST',
      body: { name: 'ivan', password: 'ivan-password', groups: ['hr'] },
    });
    expect(created.status).toBe(201);
    const ivan = new TestBrowser(app as never);
    await ivan.login('ivan', 'ivan-password');

    const stream = await ivan.request('/api/chat', {
      method: 'POST',
      body: { message: 'When is the salary review?' },
    });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readEvents(stream);
    expect(events.map((event) => event.event)).toEqual(
      expect.arrayContaining(['conversation', 'query', 'sources', 'token', 'done']),
    );
    const done = events.find((event) => event.event === 'done')?.data as {
      messageId: number;
      mode: string;
      answer: string;
    };
    expect(done.mode).toBe('extractive');
    expect(done.answer).toContain('every March');
    const conversationId = (events[0]?.data as { id: string } | undefined)?.id ?? '';

    // Olga is not in group hr: the same question finds nothing for her.
    const olgaEvents = await readEvents(
      await olga.request('/api/chat', { method: 'POST', body: { message: 'When is the salary review?' } }),
    );
    expect(JSON.stringify(olgaEvents)).not.toContain('March');

    const conversation = (await (await ivan.request(`/api/conversations/${conversationId}`)).json()) as {
      messages: Array<{ role: string; content: string; answer?: { mode: string } }>;
    };
    expect(conversation.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(conversation.messages[1]?.answer?.mode).toBe('extractive');
    expect((await (await ivan.request('/api/conversations?q=salary')).json()) as unknown[]).toHaveLength(1);

    // Another user's conversation and message ids are 404, for reading, renaming, deleting and feedback.
    expect((await olga.request(`/api/conversations/${conversationId}`)).status).toBe(404);
    expect(
      (await olga.request(`/api/conversations/${conversationId}`, { method: 'PATCH', body: { title: 'x' } }))
        .status,
    ).toBe(404);
    expect((await olga.request(`/api/conversations/${conversationId}`, { method: 'DELETE' })).status).toBe(
      404,
    );
    expect(
      (
        await olga.request(`/api/messages/${done.messageId}/feedback`, {
          method: 'PUT',
          body: { rating: 'down' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await olga.request('/api/chat', { method: 'POST', body: { conversationId, message: 'and then?' } }))
        .status,
    ).toBe(404);

    expect(
      (
        await ivan.request(`/api/messages/${done.messageId}/feedback`, {
          method: 'PUT',
          body: { rating: 'up', comment: 'helpful' },
        })
      ).status,
    ).toBe(204);
    const feedback = (await (await olga.request('/api/admin/feedback')).json()) as Array<{
      rating: string;
      user: string;
    }>;
    expect(feedback[0]).toMatchObject({ rating: 'up', user: 'ivan', comment: 'helpful' });
    expect((await ivan.request('/api/admin/feedback')).status).toBe(403);

    // A follow-up in the same conversation, then regenerate: still one exchange per question.
    await readEvents(
      await ivan.request('/api/chat', {
        method: 'POST',
        body: { conversationId, message: 'and the raise?' },
      }),
    );
    await readEvents(
      await ivan.request('/api/chat', { method: 'POST', body: { conversationId, regenerate: true } }),
    );
    const after = (await (await ivan.request(`/api/conversations/${conversationId}`)).json()) as {
      messages: unknown[];
    };
    expect(after.messages).toHaveLength(4);
    expect((await ivan.request(`/api/conversations/${conversationId}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await ivan.request(`/api/conversations/${conversationId}`)).status).toBe(404);
  });

  it('search is scoped by the caller: public when anonymous, groups when signed in or with a token', async () => {
    const anonymous = (await (await app.request('/api/search?q=salary')).json()) as unknown[];
    expect(anonymous).toEqual([]);
    const ivan = new TestBrowser(app as never);
    await ivan.login('ivan', 'ivan-password');
    const signedIn = (await (await ivan.request('/api/search?q=salary')).json()) as Array<{ uri: string }>;
    expect(signedIn.map((result) => result.uri)).toEqual(['salaries.md']);
    const created = (await (
      await ivan.request('/api/tokens', { method: 'POST', body: { name: 'laptop' } })
    ).json()) as {
      token: string;
      id: number;
    };
    expect(created.token).toMatch(/^spr_/);
    const withToken = await app.request('/api/search?q=salary', {
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(((await withToken.json()) as unknown[]).length).toBe(1);
    expect(
      (await app.request('/api/search?q=salary', { headers: { authorization: 'Bearer spr_wrong' } })).status,
    ).toBe(401);
    expect((await ivan.request(`/api/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(
      (await app.request('/api/search?q=salary', { headers: { authorization: `Bearer ${created.token}` } }))
        .status,
    ).toBe(401);
  });

  it('administrators add a source, sync it with progress events, and users then find it', async () => {
    const olga = admin();
    await olga.login('olga', 'correct horse 1');
    const path = (globalThis as { newFolder?: string }).newFolder as string;
    const added = await olga.request('/api/admin/sources', {
      method: 'POST',
      body: { name: 'it', type: 'folder', settings: { path }, acl: ['public'] },
    });
    expect(added.status).toBe(201);
    const events = await readEvents(await olga.request('/api/admin/sources/it/sync', { method: 'POST' }));
    expect(events.map((event) => event.event)).toEqual(
      expect.arrayContaining(['listed', 'progress', 'finish', 'end']),
    );
    const sources = (await (await olga.request('/api/admin/sources')).json()) as Array<{
      name: string;
      documents: number;
    }>;
    expect(sources.find((source) => source.name === 'it')).toMatchObject({ documents: 1 });
    const results = (await (await app.request('/api/search?q=openvpn')).json()) as Array<{ uri: string }>;
    expect(results.map((result) => result.uri)).toEqual(['vpn.md']);
    // Restricting the source drops its documents from public view at once.
    expect(
      (await olga.request('/api/admin/sources/it', { method: 'PATCH', body: { acl: ['group:it'] } })).status,
    ).toBe(200);
    expect(await (await app.request('/api/search?q=openvpn')).json()).toEqual([]);
    const stats = (await (await olga.request('/api/admin/stats')).json()) as {
      questionsPerDay: unknown[];
      sources: unknown[];
    };
    expect(stats.sources).toHaveLength(3);
  });

  it('bad input: malformed JSON, oversized bodies, unknown routes, anonymous chat — clear statuses and bodies', async () => {
    const olga = admin();
    await olga.login('olga', 'correct horse 1');
    const malformed = await olga.request('/api/chat', { method: 'POST', raw: '{"message": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'request_invalid' } });
    const huge = await olga.request('/api/chat', {
      method: 'POST',
      raw: JSON.stringify({ message: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    const unknown = await app.request('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const anonymous = await app.request('/api/chat', {
      method: 'POST',
      body: JSON.stringify({ message: 'hi' }),
      headers: { 'content-type': 'application/json', 'accept-language': 'ru' },
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      error: { code: 'unauthorized', message: 'Войдите в систему.' },
    });
    expect(anonymous.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(anonymous.headers.get('x-request-id')).toBeTruthy();
  });
});
