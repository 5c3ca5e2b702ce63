import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Spravka } from '../src/app.js';
import { createServerApp } from '../src/server/index.js';
import { launchBrowser } from '../test-support/browser.js';
import { REPOSITORY_ROOT, temporaryDirectory, writeTree } from '../test-support/files.js';
import { createTestSpravka, runSync } from '../test-support/spravka.js';

const WEB_ROOT = join(REPOSITORY_ROOT, 'web', 'dist');
/** Screenshots of the main screens, kept for people to look at (`test-artifacts/` is not committed). */
const ARTIFACTS = join(REPOSITORY_ROOT, 'test-artifacts');

describe('the web chat in a real browser', () => {
  let spravka: Spravka;
  let browser: Browser;
  let url: string;
  let closeServer: () => void;
  const folder = temporaryDirectory();
  const cleanups: Array<() => void> = [folder.cleanup];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html')))
      throw new Error('web/dist is missing: run npm run build first');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeTree(folder.path, {
      'wiki/nginx.md':
        '# Nginx\n\n## Reloading the configuration\n\nTo apply a changed configuration run `systemctl reload nginx`.\n\n## Where the configuration lives\n\nThe main configuration file of nginx is /etc/nginx/nginx.conf.\n',
      'wiki/xss.md':
        '# Pasted HTML\n\nnginx tip: <script>window.__pwned = true</script> <img src=x onerror="window.__pwned = true">\n',
      'handbook/vpn.md': '# VPN\n\nConnect to the corporate VPN with OpenVPN and the company.ovpn profile.\n',
    });
    const test = await createTestSpravka();
    spravka = test.spravka;
    cleanups.push(test.cleanup);
    spravka.addSource('wiki', 'folder', { path: join(folder.path, 'wiki') }, ['group:staff']);
    await runSync(spravka);
    await spravka.accounts.createUser({ name: 'olga', password: 'olga-password', role: 'admin', groups: [] });
    await spravka.accounts.createUser({
      name: 'ivan',
      password: 'ivan-password',
      role: 'user',
      groups: ['staff'],
    });
    const server = serve({
      fetch: createServerApp({ spravka, webRoot: WEB_ROOT }).fetch,
      hostname: '127.0.0.1',
      port: 0,
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeServer = () => server.close();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    closeServer?.();
    for (const cleanup of cleanups.reverse()) cleanup();
  });

  async function signIn(name: string, password: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(url);
    await page.getByTestId('login-name').fill(name);
    await page.getByTestId('login-password').fill(password);
    await page.screenshot({ path: join(ARTIFACTS, 'login.png') });
    await page.getByTestId('login-submit').click();
    await page.getByTestId('question-input').waitFor();
    return page;
  }

  async function ask(page: Page, question: string, position: number) {
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('question-input').press('Enter');
    const answer = page.getByTestId('answer').nth(position);
    await answer.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
    return answer;
  }

  it('a user asks, sees the streamed answer with citations, follows one, asks a follow-up, rates it, and finds it after reload', async () => {
    const page = await signIn('ivan', 'ivan-password');
    const first = await ask(page, 'How do I reload the nginx configuration?', 0);
    await expect(first.getByTestId('answer-extractive').isVisible()).resolves.toBe(true);
    await expect(first.innerText()).resolves.toContain('systemctl reload nginx');
    const citation = first.getByTestId('citation-link').first();
    await citation.hover();
    await expect(page.getByTestId('citation-card').first().innerText()).resolves.toContain('Nginx');
    await citation.click();
    await expect(first.getByTestId('sources-list').innerText()).resolves.toContain('nginx.md');
    await page.screenshot({ path: join(ARTIFACTS, 'chat.png') });

    const second = await ask(page, 'and where is its configuration file?', 1);
    await expect(second.innerText()).resolves.toContain('/etc/nginx/nginx.conf');
    await second.getByTestId('feedback-up').click();

    // The address names the conversation: after a reload it is all there, and listed in the history.
    expect(page.url()).toMatch(/\/c\/[\w-]+$/);
    await page.reload();
    await page.getByTestId('answer').nth(1).waitFor();
    await expect(page.getByTestId('answer').count()).resolves.toBe(2);
    await expect(page.getByTestId('conversation-item').first().innerText()).resolves.toContain('nginx');
    const feedback = spravka.conversations.listFeedback(10);
    expect(feedback[0]).toMatchObject({ rating: 'up', user: 'ivan' });

    // A pasted script in a document, or typed into a question, is shown, never run.
    await ask(page, 'nginx tip pasted HTML', 2);
    await ask(
      page,
      'nginx <img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>',
      3,
    );
    await expect(page.getByTestId('answer').nth(3).isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).resolves.toBeUndefined();
    await page.context().close();
  });

  it('an administrator adds a folder source and syncs it with visible progress; a user then finds its content', async () => {
    const admin = await signIn('olga', 'olga-password');
    await admin.getByTestId('nav-admin').click();
    await admin.getByTestId('admin-tab-sources').click();
    await admin.getByTestId('source-add').click();
    await admin.getByTestId('source-name').fill('handbook');
    await admin.getByTestId('source-type-folder').click();
    await admin.getByTestId('source-path').fill(join(folder.path, 'handbook'));
    await admin.getByTestId('source-acl').fill('group:staff');
    await admin.getByTestId('source-submit').click();
    const row = admin.getByTestId('source-row').filter({ hasText: 'handbook' });
    await row.getByTestId('source-sync').click();
    await admin.locator('[data-testid="sync-progress"][data-phase="finished"]').waitFor({ timeout: 30_000 });
    await admin.screenshot({ path: join(ARTIFACTS, 'admin-sources.png') });

    // Edit it from the keyboard: the same form, filled in, name fixed; a schedule of 60 minutes is saved.
    await row.getByTestId('source-edit').focus();
    await admin.keyboard.press('Enter');
    const form = admin.getByTestId('source-form');
    await expect(form.getByTestId('source-name').inputValue()).resolves.toBe('handbook');
    await expect(form.getByTestId('source-name').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(form.getByTestId('source-path').inputValue()).resolves.toBe(join(folder.path, 'handbook'));
    await expect(form.getByTestId('source-acl').inputValue()).resolves.toBe('group:staff');
    await expect(
      form.getByTestId('source-path').evaluate((input) => input === document.activeElement),
    ).resolves.toBe(true);
    await form.getByTestId('source-sync-every').fill('60');
    await expect(form.getByTestId('source-acl-warning').count()).resolves.toBe(0);
    await form.getByTestId('source-submit').click();
    await row.getByTestId('source-schedule').waitFor();
    await expect(row.getByTestId('source-schedule').innerText()).resolves.toContain('every 60 min');
    await expect(admin.getByTestId('source-notice').getAttribute('data-kind')).resolves.toBe('saved');
    await expect(admin.getByTestId('source-form').count()).resolves.toBe(0);
    expect(spravka.catalog.findSource('handbook')?.settings.syncEveryMinutes).toBe(60);
    // The readers did not change: the documents stay searchable, no sync needed.
    expect(spravka.catalog.findSource('handbook')?.acl).toEqual(['group:staff']);
    await admin.screenshot({ path: join(ARTIFACTS, 'admin-source-edited.png') });
    await admin.context().close();

    const user = await signIn('ivan', 'ivan-password');
    const answer = await ask(user, 'How do I connect to the corporate VPN?', 0);
    await expect(answer.innerText()).resolves.toContain('OpenVPN');
    await user.context().close();
    expect(cspViolations).toEqual([]);
  });
});
