/**
 * Two small tree transforms for answers. Only the fields they touch are typed: mdast and hast nodes
 * both have a `type`, text nodes a `value`, elements a `tagName`, and parents `children`.
 */
interface TreeNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: TreeNode[];
}

/**
 * remark: raw HTML (in an answer, or quoted from a document) is kept as visible text. It is never
 * parsed into elements, so no `<script>`, `<img onerror>` or `<iframe>` from a document reaches the page.
 */
export function remarkHtmlAsText() {
  return (tree: TreeNode) => {
    htmlAsText(tree);
  };
}

function htmlAsText(node: TreeNode): void {
  if (node.type === 'html') node.type = 'text';
  for (const child of node.children ?? []) htmlAsText(child);
}

/** Elements whose text is never a citation: code, and link text. */
const NOT_CITATIONS = new Set(['code', 'pre', 'a']);

/**
 * rehype: each `[n]` naming one of the answer's sources becomes `<sup data-citation="n">`, which the
 * renderer turns into a citation link. Runs after sanitising, on text the sanitiser has already seen.
 */
export function rehypeCitations({ numbers }: { numbers: readonly number[] }) {
  const known = new Set(numbers);
  return (tree: TreeNode) => {
    markCitations(tree, known);
  };
}

function markCitations(node: TreeNode, known: Set<number>): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'text' && child.value) return splitCitations(child.value, known);
    if (child.type === 'element' && NOT_CITATIONS.has(child.tagName ?? '')) return [child];
    markCitations(child, known);
    return [child];
  });
}

export function splitCitations(text: string, known: Set<number>): TreeNode[] {
  const parts: TreeNode[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d{1,3})\]/g)) {
    const n = Number(match[1]);
    if (!known.has(n)) continue;
    if (match.index > last) parts.push({ type: 'text', value: text.slice(last, match.index) });
    parts.push({
      type: 'element',
      tagName: 'sup',
      properties: { dataCitation: n },
      children: [{ type: 'text', value: `[${n}]` }],
    });
    last = match.index + match[0].length;
  }
  if (last === 0) return [{ type: 'text', value: text }];
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}
