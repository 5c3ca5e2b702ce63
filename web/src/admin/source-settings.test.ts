import { describe, expect, it } from 'vitest';
import { fieldsOf, NEW_SOURCE_FIELDS, sameAcl, settingsFrom, syncEveryMinutes } from './source-settings';

describe('the source form', () => {
  it('sends what a new source needs, leaving empty optional settings out', () => {
    const fields = { ...NEW_SOURCE_FIELDS, name: 'wiki', path: ' /srv/wiki ', include: 'docs/**\n\n*.md' };
    expect(settingsFrom('folder', fields)).toEqual({ path: '/srv/wiki', include: ['docs/**', '*.md'] });
    expect(settingsFrom('git', { ...NEW_SOURCE_FIELDS, url: 'https://git/x.git', syncEvery: '30' })).toEqual({
      url: 'https://git/x.git',
      syncEveryMinutes: 30,
    });
  });

  it('edits an existing source: every setting is sent, those not on the form kept, cleared ones dropped', () => {
    const stored = {
      url: 'https://git.example.com/team/backend.git',
      branch: 'main',
      urlTemplate: 'https://git.example.com/{path}',
      include: ['docs/**'],
      exclude: [],
      maxFileBytes: 1024,
      lineAnchor: '#L{start}',
      syncEveryMinutes: 60,
    };
    const fields = fieldsOf({ name: 'backend', settings: stored, acl: ['group:dev', 'user:olga'] });
    expect(fields).toMatchObject({
      name: 'backend',
      url: stored.url,
      branch: 'main',
      include: 'docs/**',
      exclude: '',
      syncEvery: '60',
      acl: 'group:dev, user:olga',
    });
    expect(
      settingsFrom('git', { ...fields, branch: '', syncEvery: '', exclude: '*.min.js' }, stored),
    ).toEqual({
      url: stored.url,
      urlTemplate: stored.urlTemplate,
      include: ['docs/**'],
      exclude: ['*.min.js'],
      maxFileBytes: 1024,
      lineAnchor: '#L{start}',
    });
  });

  it('shows a clone URL without its token, and keeps the stored one when the URL is left as shown', () => {
    const stored = { url: 'https://deploy:s3cret@git.example.com/team/backend.git' };
    const fields = fieldsOf({ name: 'backend', settings: stored, acl: ['public'] });
    expect(fields.url).toBe('https://***@git.example.com/team/backend.git');
    expect(fields.url).not.toContain('s3cret');
    expect(settingsFrom('git', fields, stored).url).toBe(stored.url);
    const changed = { ...fields, url: 'https://git.example.com/team/other.git' };
    expect(settingsFrom('git', changed, stored).url).toBe('https://git.example.com/team/other.git');
  });

  it('compares readers as sets, and reads the schedule', () => {
    expect(sameAcl(['group:staff', 'public'], ['public', 'group:staff', 'public'])).toBe(true);
    expect(sameAcl(['group:staff'], ['group:staff', 'user:ivan'])).toBe(false);
    expect(syncEveryMinutes({ settings: { syncEveryMinutes: 60 } })).toBe(60);
    expect(syncEveryMinutes({ settings: {} })).toBeUndefined();
  });
});
