/** The text an embedder sees for a chunk: where it is (title › headings), then what it says. */
export function embeddingText(chunk: { title: string; headingPath: string[]; text: string }): string {
  const context = [chunk.title, ...chunk.headingPath].filter(Boolean).join(' › ');
  return `${context}\n${chunk.text}`;
}
