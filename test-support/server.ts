import type { Hono } from 'hono';

/** A cookie-keeping client of an in-process Hono app, as a browser would be (session cookie + CSRF). */
export class TestBrowser {
  private cookie = '';
  csrfToken = '';

  constructor(
    private readonly app: Hono<never>,
    private readonly language = 'en',
  ) {}

  async request(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ) {
    const headers: Record<string, string> = { 'accept-language': this.language, ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && init.method && init.method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
    const response = await this.app.request(path, {
      method: init.method ?? 'GET',
      headers,
      ...(init.raw !== undefined
        ? { body: init.raw }
        : init.body !== undefined
          ? { body: JSON.stringify(init.body) }
          : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair?.endsWith('=') ? '' : (pair ?? '');
    }
    return response;
  }

  async login(name: string, password: string) {
    const response = await this.request('/api/auth/login', { method: 'POST', body: { name, password } });
    if (response.ok) this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }
}

/** The events of a server-sent event stream body, parsed. */
export async function readEvents(response: Response): Promise<Array<{ event: string; data: unknown }>> {
  const body = await response.text();
  return body
    .split(/\n\n+/)
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.replace(/^data: ?/, ''))
        .join('\n');
      return { event, data: data ? JSON.parse(data) : null };
    });
}
