/**
 * The outline of one level of a syntax tree: its member nodes turned into consecutive row ranges that
 * together cover a given range exactly. Comments join the declaration that follows them; rows that no
 * member covers (blank lines, a class header, a closing brace) are items of their own; a member that
 * starts on a row its predecessor already took starts one row later, and one that lies wholly on such a
 * row is absorbed.
 */
import { type Declaration, type DescribeOptions, describeDeclaration } from './code-declarations.js';
import type { SyntaxNode } from './tree-sitter.js';

/** One member of an outline: rows start..end (0-based, inclusive) and the node that owns them. */
export interface OutlineItem {
  start: number;
  end: number;
  /** The member's node; undefined for rows between members and for comments with no member after them. */
  node: SyntaxNode | undefined;
  declaration: Declaration | undefined;
}

/** Nodes whose named children are the members: bodies, blocks, lists, object literals. */
const LIST_TYPE =
  /(body|block|_list|body_statement|compound_statement|^object|^array|^dictionary|^list|object_type|table_constructor)$/;
/** How deep to look through wrappers (`export`, `declare`, an assignment, a call) for a list. */
const MAX_WRAPPER_DEPTH = 12;

/** The first row of a node. */
export function startRow(node: SyntaxNode): number {
  return node.startPosition.row;
}

/** The last row of a node; a node that ends at column 0 (after its final newline) ends on the row before. */
export function endRow(node: SyntaxNode): number {
  const { row, column } = node.endPosition;
  return column === 0 && row > node.startPosition.row ? row - 1 : row;
}

function isComment(node: SyntaxNode): boolean {
  return node.type.includes('comment');
}

/**
 * The members a declaration splits into: the named children of its body, or of the list that a wrapper
 * (an export, a decorator, an assignment, a call) mostly consists of; a wrapper is looked through when
 * one child holds at least half of its rows.
 */
export function membersOf(node: SyntaxNode): SyntaxNode[] {
  let container = node;
  for (let depth = 0; depth < MAX_WRAPPER_DEPTH; depth++) {
    if (LIST_TYPE.test(container.type)) return container.namedChildren;
    const body = container.childForFieldName('body');
    if (body && body.namedChildCount > 1) return body.namedChildren;
    if (body) {
      container = body;
      continue;
    }
    const widest = widestNamedChild(container);
    if (!widest || 2 * rowCount(widest) < rowCount(container)) return container.namedChildren;
    container = widest;
  }
  return container.namedChildren;
}

function rowCount(node: SyntaxNode): number {
  return endRow(node) - startRow(node) + 1;
}

function widestNamedChild(node: SyntaxNode): SyntaxNode | undefined {
  let widest: SyntaxNode | undefined;
  let widestRows = 0;
  for (const child of node.namedChildren) {
    const rows = rowCount(child);
    if (rows > widestRows) {
      widest = child;
      widestRows = rows;
    }
  }
  return widest;
}

/** Turns member nodes into items whose ranges are consecutive and cover rows start..end exactly. */
export function outline(
  members: SyntaxNode[],
  start: number,
  end: number,
  options: DescribeOptions = { insideFunction: false },
): OutlineItem[] {
  const items: OutlineItem[] = [];
  let commentsStart: number | undefined;
  let commentsEnd = start;
  for (const node of members) {
    const nodeStart = startRow(node);
    const nodeEnd = endRow(node);
    if (isComment(node)) {
      const previous = items.at(-1);
      if (commentsStart === undefined && previous && nodeStart <= previous.end) {
        previous.end = Math.max(previous.end, nodeEnd);
      } else {
        commentsStart ??= nodeStart;
        commentsEnd = nodeEnd;
      }
      continue;
    }
    items.push({
      start: commentsStart ?? nodeStart,
      end: nodeEnd,
      node,
      declaration: describeDeclaration(node, options),
    });
    commentsStart = undefined;
  }
  if (commentsStart !== undefined) {
    items.push({ start: commentsStart, end: commentsEnd, node: undefined, declaration: undefined });
  }
  return cover(items, start, end);
}

/**
 * Makes the ranges consecutive: rows between items (a header, a closing brace, blank lines) become items
 * of their own, items on rows already taken are absorbed by the item before them.
 */
function cover(items: OutlineItem[], start: number, end: number): OutlineItem[] {
  const covered: OutlineItem[] = [];
  let next = start;
  for (const item of items) {
    const itemEnd = Math.min(item.end, end);
    if (itemEnd < next) continue;
    if (item.start > next) covered.push(gap(next, item.start - 1));
    covered.push({ ...item, start: Math.max(item.start, next), end: itemEnd });
    next = itemEnd + 1;
  }
  if (next <= end) covered.push(gap(next, end));
  return covered;
}

function gap(start: number, end: number): OutlineItem {
  return { start, end, node: undefined, declaration: undefined };
}
