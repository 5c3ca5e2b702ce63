/**
 * Lazy access to web-tree-sitter. The WebAssembly runtime is initialised once per process on first use,
 * and each grammar is loaded once and kept with one reusable Parser: parsing is synchronous, so a single
 * Parser per language is never used by two callers at once. Nothing here is loaded until a code file
 * in a language with a grammar is chunked.
 */
import { createRequire } from 'node:module';
import type TreeSitter from 'web-tree-sitter';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { GRAMMARS, type GrammarLanguage } from './tree-sitter-grammars.js';

/** A node of a syntax tree. */
export type SyntaxNode = TreeSitter.SyntaxNode;
/** A parsed syntax tree; call `delete()` when done, its memory lives in the WebAssembly heap. */
export type SyntaxTree = TreeSitter.Tree;
/** A tree-sitter parser with its language set. */
export type SyntaxParser = TreeSitter;

const require = createRequire(import.meta.url);

let runtime: Promise<typeof TreeSitter> | undefined;
const parsers = new Map<GrammarLanguage, Promise<SyntaxParser>>();

/**
 * The parser for a language, loading the runtime and the grammar on first use. A failure is kept, so a
 * broken grammar is reported the same way on every call instead of being loaded again into a runtime
 * it may have left in a bad state.
 */
export function loadParser(language: GrammarLanguage): Promise<SyntaxParser> {
  let parser = parsers.get(language);
  if (!parser) {
    parser = createParser(language);
    parsers.set(language, parser);
  }
  return parser;
}

async function createParser(language: GrammarLanguage): Promise<SyntaxParser> {
  const Parser = await loadRuntime();
  const grammar = GRAMMARS[language];
  try {
    const loaded = await Parser.Language.load(
      require.resolve(`tree-sitter-wasms/out/tree-sitter-${grammar}.wasm`),
    );
    const parser = new Parser();
    parser.setLanguage(loaded);
    return parser;
  } catch (error) {
    throw new SpravkaError(
      'internal',
      text(
        `Could not load the tree-sitter grammar for ${language}.`,
        `Не удалось загрузить грамматику tree-sitter для ${language}.`,
      ),
      {
        hint: text(
          'Reinstall dependencies (npm ci): spravka needs tree-sitter-wasms 0.1.13 and web-tree-sitter 0.22.6.',
          'Переустановите зависимости (npm ci): нужны tree-sitter-wasms 0.1.13 и web-tree-sitter 0.22.6.',
        ),
        cause: error,
      },
    );
  }
}

/** Initialises the web-tree-sitter runtime (once per process) without loading any grammar. */
export async function initialiseTreeSitter(): Promise<void> {
  await loadRuntime();
}

function loadRuntime(): Promise<typeof TreeSitter> {
  runtime ??= initialiseRuntime();
  return runtime;
}

async function initialiseRuntime(): Promise<typeof TreeSitter> {
  try {
    const Parser = (await import('web-tree-sitter')).default;
    const wasmPath = require.resolve('web-tree-sitter/tree-sitter.wasm');
    await Parser.init({ locateFile: () => wasmPath });
    return Parser;
  } catch (error) {
    throw new SpravkaError(
      'internal',
      text('Could not start web-tree-sitter.', 'Не удалось запустить web-tree-sitter.'),
      {
        hint: text(
          'Reinstall dependencies (npm ci): spravka needs web-tree-sitter 0.22.6.',
          'Переустановите зависимости (npm ci): нужен web-tree-sitter 0.22.6.',
        ),
        cause: error,
      },
    );
  }
}
