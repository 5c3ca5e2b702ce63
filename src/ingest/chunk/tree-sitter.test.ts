import { describe, expect, it } from 'vitest';
import { loadParser } from './tree-sitter.js';
import { GRAMMARS, type GrammarLanguage, hasGrammar } from './tree-sitter-grammars.js';

/** A small valid program in each language with a grammar. */
const SAMPLES: Record<GrammarLanguage, string> = {
  javascript: 'function add(a, b) { return a + b; }\nmodule.exports = add;\n',
  typescript: 'export interface Point { x: number }\nexport const origin: Point = { x: 0 };\n',
  tsx: 'export function App() { return <div className="app">hi</div>; }\n',
  python: 'def add(a, b):\n    """Adds."""\n    return a + b\n',
  java: 'class A { int add(int a, int b) { return a + b; } }\n',
  go: 'package main\n\nfunc add(a, b int) int { return a + b }\n',
  csharp: 'namespace N { class A { int Add(int a, int b) { return a + b; } } }\n',
  php: '<?php\nfunction add($a, $b) { return $a + $b; }\n',
  ruby: "def add(a, b)\n  a + b\nend\nputs 'hi'\n",
  kotlin: 'fun add(a: Int, b: Int): Int = a + b\n',
  rust: 'fn add(a: i32, b: i32) -> i32 { a + b }\n',
  c: 'int add(int a, int b) { return a + b; }\n',
  cpp: 'namespace n { int add(int a, int b) { return a + b; } }\n',
  shell: 'add() {\n  echo $(( $1 + $2 ))\n}\nadd 1 2\n',
  scala: 'object A { def add(a: Int, b: Int): Int = a + b }\n',
  swift: 'func add(a: Int, b: Int) -> Int { return a + b }\n',
  elixir: 'defmodule A do\n  def add(a, b), do: a + b\nend\n',
  css: '.button { color: red; }\n',
  toml: '[package]\nname = "spravka"\n',
  json: '{ "name": "spravka", "private": true }\n',
};

describe('tree-sitter grammars', () => {
  it('loads every listed grammar and parses a valid sample the same way after the others have parsed', async () => {
    const languages = Object.keys(GRAMMARS) as GrammarLanguage[];
    const firstTrees = new Map<GrammarLanguage, string>();
    for (const pass of [1, 2]) {
      for (const language of languages) {
        const parser = await loadParser(language);
        const tree = parser.parse(SAMPLES[language]);
        try {
          expect({ language, hasError: tree.rootNode.hasError }).toEqual({ language, hasError: false });
          expect(tree.rootNode.namedChildCount).toBeGreaterThan(0);
          const printed = tree.rootNode.toString();
          if (pass === 1) firstTrees.set(language, printed);
          else expect({ language, printed }).toEqual({ language, printed: firstTrees.get(language) });
        } finally {
          tree.delete();
        }
      }
    }
  });

  it('keeps one parser per language', async () => {
    expect(await loadParser('go')).toBe(await loadParser('go'));
  });

  it('knows which languages have a grammar', () => {
    expect(hasGrammar('typescript')).toBe(true);
    expect(hasGrammar('shell')).toBe(true);
    for (const language of ['sql', 'yaml', 'xml', 'dart', 'lua', 'toString', undefined]) {
      expect(hasGrammar(language)).toBe(false);
    }
  });
});
