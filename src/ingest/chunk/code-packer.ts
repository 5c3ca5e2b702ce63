/**
 * Turns an outline into chunks. Consecutive small items (imports, constants, small functions) share a chunk
 * up to maxTokens, but two substantial declarations never do. An item larger than maxTokens is split into
 * its own members, one level down, and the members are packed the same way under its name; an item with
 * no members to split into becomes line windows. The header rows of enclosing declarations
 * (`declare module 'x' {`, `namespace X {`) and a tiny unnamed statement (`package shop`) are carried into
 * the first chunk of a split member that follows them, and a few unnamed rows after a chunk (a closing
 * brace) are appended to it when it has room, so chunks are rarely a lone header or brace.
 */
import type { Chunk } from '../../domain/types.js';
import type { ChunkingOptions } from '../types.js';
import type { Declaration } from './code-declarations.js';
import { membersOf, type OutlineItem, outline } from './code-outline.js';
import { chunkLineRange } from './lines.js';
import type { SourceLines } from './lines-source.js';

/** Where packing happens: the enclosing declarations' labels and the names members are qualified by. */
export interface PackingScope {
  headingPath: string[];
  qualifier: string[];
  /** Whether a function encloses this level, so its variables are locals rather than declarations. */
  insideFunction: boolean;
}

/** A declaration of at least this share of maxTokens is substantial: it does not share a chunk with another. */
const SUBSTANTIAL_SHARE = 0.25;
/** Unnamed rows of at most this share of maxTokens are appended to the chunk before them, when it has room. */
const TAIL_SHARE = 0.1;
/** At most this many names make up the symbol of a chunk of several declarations. */
const MAX_SYMBOL_NAMES = 3;

/** Consecutive items that will make one chunk. */
interface Group {
  start: number;
  end: number;
  tokens: number;
  items: OutlineItem[];
  substantial: OutlineItem | undefined;
}

/** Packs the outlines of one text into chunks; the chunks' indexes are left at 0 for the caller to number. */
export class CodePacker {
  private readonly chunks: Chunk[] = [];

  /**
   * @param source the text, split into lines
   * @param options chunk size limits
   * @param startLine the 1-based line number of the text's first row
   */
  constructor(
    private readonly source: SourceLines,
    private readonly options: ChunkingOptions,
    private readonly startLine: number,
  ) {}

  /** Packs the items of the outermost outline and returns every chunk made. */
  chunk(items: OutlineItem[], scope: PackingScope): Chunk[] {
    this.pack(items, scope, undefined);
    return this.chunks;
  }

  private pack(items: OutlineItem[], scope: PackingScope, carried: Group | undefined): void {
    const { maxTokens } = this.options;
    let group = carried;
    for (const item of items) {
      const tokens = this.source.tokens(item.start, item.end);
      if (tokens > maxTokens) {
        const carry = group && isCarriable(group, maxTokens) ? group : undefined;
        if (group && !carry) this.emit(group, scope);
        group = undefined;
        this.split(item, scope, carry);
        continue;
      }
      const substantial = item.declaration !== undefined && tokens >= maxTokens * SUBSTANTIAL_SHARE;
      if (group && group.tokens + tokens <= maxTokens && !(substantial && group.substantial)) {
        group.end = item.end;
        group.tokens += tokens;
        group.items.push(item);
        if (substantial) group.substantial = item;
        continue;
      }
      if (group) this.emit(group, scope);
      group = {
        start: item.start,
        end: item.end,
        tokens,
        items: [item],
        substantial: substantial ? item : undefined,
      };
    }
    if (group) this.emit(group, scope);
  }

  /**
   * Splits an item larger than maxTokens into its members, or failing that into line windows. A carried
   * group (unnamed rows just before the item) starts the first chunk of the members.
   */
  private split(item: OutlineItem, scope: PackingScope, carried: Group | undefined): void {
    const inner = item.declaration ? enter(scope, item.declaration) : scope;
    if (item.node && item.end > item.start) {
      const members = outline(membersOf(item.node), item.start, item.end, inner);
      if (members.some((member) => member.node)) {
        this.pack(members, inner, carried);
        return;
      }
    }
    if (carried) this.emit(carried, scope);
    const symbol = inner.qualifier.length > 0 ? inner.qualifier.join('.') : undefined;
    const windows = chunkLineRange(this.source, item.start, item.end, this.options, {
      headingPath: inner.headingPath,
      ...(symbol === undefined ? {} : { symbol }),
      startLine: this.startLine,
    });
    this.chunks.push(...windows);
  }

  private emit(group: Group, scope: PackingScope): void {
    const range = this.source.trim(group.start, group.end);
    if (!range) return;
    const tokens = this.source.tokens(range.start, range.end);
    if (this.appendTail(group, range, tokens)) return;
    const symbol = groupSymbol(group, scope);
    this.chunks.push({
      index: 0,
      text: this.source.text(range.start, range.end),
      headingPath: scope.headingPath,
      ...(symbol === undefined ? {} : { symbol }),
      startLine: this.startLine + range.start,
      endLine: this.startLine + range.end,
      tokens,
    });
  }

  /** Appends a few unnamed rows (a closing brace) to the chunk just before them, when it has room. */
  private appendTail(group: Group, range: { start: number; end: number }, tokens: number): boolean {
    const previous = this.chunks.at(-1);
    if (!previous || previous.endLine === undefined) return false;
    if (group.items.some((item) => item.declaration)) return false;
    if (tokens > this.options.maxTokens * TAIL_SHARE || previous.tokens + tokens > this.options.maxTokens) {
      return false;
    }
    const previousEnd = previous.endLine - this.startLine;
    if (previousEnd >= range.start || this.source.trim(previousEnd + 1, range.start - 1)) return false;
    previous.text = `${previous.text}\n${this.source.text(previousEnd + 1, range.end)}`;
    previous.endLine = this.startLine + range.end;
    previous.tokens += tokens;
    return true;
  }
}

/**
 * A group can start the chunks of the split item after it when it declares nothing and is either tiny (a
 * `package` line) or small and made only of rows between members (the headers of enclosing declarations);
 * larger runs of statements, such as imports, keep a chunk of their own.
 */
function isCarriable(group: Group, maxTokens: number): boolean {
  if (group.items.some((item) => item.declaration)) return false;
  if (group.tokens <= maxTokens * TAIL_SHARE) return true;
  return (
    group.tokens <= maxTokens * SUBSTANTIAL_SHARE && group.items.every((item) => item.node === undefined)
  );
}

function enter(scope: PackingScope, declaration: Declaration): PackingScope {
  return {
    headingPath: [...scope.headingPath, declaration.label],
    qualifier: declaration.qualifies ? [...scope.qualifier, declaration.name] : scope.qualifier,
    insideFunction: scope.insideFunction || declaration.isFunction,
  };
}

/**
 * A group's symbol: the names of its declarations, the substantial one first; or, for a piece of a split
 * declaration that declares nothing itself, the enclosing declaration's name.
 */
function groupSymbol(group: Group, scope: PackingScope): string | undefined {
  const declarations = group.items.flatMap((item) =>
    item.declaration && item !== group.substantial ? [item.declaration] : [],
  );
  if (group.substantial?.declaration) declarations.unshift(group.substantial.declaration);
  const names = [
    ...new Set(declarations.map((declaration) => [...scope.qualifier, declaration.name].join('.'))),
  ];
  if (names.length > MAX_SYMBOL_NAMES) return `${names.slice(0, MAX_SYMBOL_NAMES).join(', ')}, …`;
  if (names.length > 0) return names.join(', ');
  return scope.qualifier.length > 0 ? scope.qualifier.join('.') : undefined;
}
