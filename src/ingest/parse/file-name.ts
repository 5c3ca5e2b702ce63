/** The last segment of a POSIX path (`docs/guide/intro.md` → `intro.md`), used as a fallback title. */
export function fileName(path: string): string {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  return segments.at(-1) ?? path;
}
