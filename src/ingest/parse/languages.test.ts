import { describe, expect, it } from 'vitest';
import { CODE_LANGUAGES, extensionOf, isCodeLanguage, languageForPath } from './languages.js';

describe('languageForPath', () => {
  it.each([
    ['src/app.js', 'javascript'],
    ['lib/index.mjs', 'javascript'],
    ['lib/index.cjs', 'javascript'],
    ['ui/Button.jsx', 'javascript'],
    ['src/main.ts', 'typescript'],
    ['src/main.mts', 'typescript'],
    ['src/main.cts', 'typescript'],
    ['types/global.d.ts', 'typescript'],
    ['ui/App.tsx', 'tsx'],
    ['tool.py', 'python'],
    ['Main.java', 'java'],
    ['cmd/main.go', 'go'],
    ['Program.cs', 'csharp'],
    ['index.php', 'php'],
    ['app.rb', 'ruby'],
    ['Main.kt', 'kotlin'],
    ['build.gradle.kts', 'kotlin'],
    ['src/lib.rs', 'rust'],
    ['main.c', 'c'],
    ['include/list.h', 'c'],
    ['a.cc', 'cpp'],
    ['a.cpp', 'cpp'],
    ['a.hpp', 'cpp'],
    ['a.cxx', 'cpp'],
    ['init.lua', 'lua'],
    ['install.sh', 'shell'],
    ['run.bash', 'shell'],
    ['schema.sql', 'sql'],
    ['package.json', 'json'],
    ['ci.yml', 'yaml'],
    ['ci.yaml', 'yaml'],
    ['Cargo.toml', 'toml'],
    ['site.css', 'css'],
    ['site.scss', 'css'],
    ['pom.xml', 'xml'],
    ['Main.scala', 'scala'],
    ['App.swift', 'swift'],
    ['main.dart', 'dart'],
    ['lib/app.ex', 'elixir'],
    ['test/app_test.exs', 'elixir'],
  ])('%s → %s', (path, language) => {
    expect(languageForPath(path)).toBe(language);
  });

  it('ignores the case of the extension', () => {
    expect(languageForPath('SRC/MAIN.PY')).toBe('python');
  });

  it('gives nothing for prose, unknown and extension-less files', () => {
    for (const path of [
      'README.md',
      'guide.html',
      'notes.txt',
      'Makefile',
      '.bashrc',
      'data.bin',
      'dir.js/file',
    ]) {
      expect(languageForPath(path)).toBeUndefined();
    }
  });

  it('maps only to known language names', () => {
    expect(CODE_LANGUAGES.every(isCodeLanguage)).toBe(true);
    expect(isCodeLanguage('markdown')).toBe(false);
    expect(isCodeLanguage('constructor')).toBe(false);
  });
});

describe('extensionOf', () => {
  it('takes the last dot of the file name only', () => {
    expect(extensionOf('a.b/c')).toBe('');
    expect(extensionOf('archive.tar.GZ')).toBe('.gz');
    expect(extensionOf('.gitignore')).toBe('');
  });
});
