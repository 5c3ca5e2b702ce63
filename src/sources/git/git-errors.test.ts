import { describe, expect, it } from 'vitest';
import { redactUrl, summariseStderr } from './git-errors.js';

describe('git error text', () => {
  it('keeps the fatal lines and hides credentials', () => {
    const stderr =
      "Cloning into bare repository 'x'...\n" +
      "fatal: unable to access 'https://user:s3cret@git.example.com/a.git/': Could not resolve host\n";
    expect(summariseStderr(stderr)).toBe(
      "unable to access 'https://user:***@git.example.com/a.git/': Could not resolve host",
    );
  });

  it('hides a token given as the user name of an HTTP URL but keeps SSH user names', () => {
    expect(redactUrl('https://glpat-123@gitlab.example.com/g/p.git')).toBe(
      'https://***@gitlab.example.com/g/p.git',
    );
    expect(redactUrl('ssh://git@gitlab.example.com/g/p.git')).toBe('ssh://git@gitlab.example.com/g/p.git');
  });
});
