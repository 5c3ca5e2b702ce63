import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { LineRange } from '../domain/types.js';
import type { CommonSettings } from './config.js';

/** Always left out: version-control internals and installed dependencies. */
export const BUILT_IN_EXCLUDES = ['**/.git/**', '.git/**', '**/node_modules/**', 'node_modules/**'];

/** Extensions that are binary for certain; they are skipped without being read. */
const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp ico webp tif tiff psd svgz mp3 mp4 m4a wav ogg flac avi mov mkv webm ' +
    'zip gz tgz bz2 xz 7z rar jar war ear zst exe dll so dylib a o obj class pyc wasm bin dat ' +
    'woff woff2 ttf otf eot sqlite db gguf safetensors onnx pt iso dmg deb rpm'
  ).split(' '),
);

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function hasBinaryExtension(path: string): boolean {
  return BINARY_EXTENSIONS.has(extensionOf(path));
}

/** Formats that are binary containers but that we parse. */
const PARSED_BINARY_EXTENSIONS = new Set(['pdf', 'docx']);

/** True when the content is binary: a NUL byte in the first 8 KB, as git decides. */
export function looksBinary(path: string, bytes: Uint8Array): boolean {
  if (PARSED_BINARY_EXTENSIONS.has(extensionOf(path))) return false;
  const end = Math.min(bytes.length, 8192);
  for (let index = 0; index < end; index++) if (bytes[index] === 0) return true;
  return false;
}

/** Include/exclude globs over POSIX paths relative to the source root. */
export function createPathFilter(
  settings: Pick<CommonSettings, 'include' | 'exclude'>,
): (path: string) => boolean {
  const options = { dot: true };
  const excluded = picomatch([...BUILT_IN_EXCLUDES, ...settings.exclude], options);
  const included = settings.include.length > 0 ? picomatch(settings.include, options) : () => true;
  return (path) => included(path) && !excluded(path);
}

/** Whether a directory (relative path) is excluded as a whole, so the walk need not enter it. */
export function createDirectoryFilter(settings: Pick<CommonSettings, 'exclude'>): (path: string) => boolean {
  const excluded = picomatch([...BUILT_IN_EXCLUDES, ...settings.exclude], { dot: true });
  return (path) => excluded(`${path}/`) || excluded(`${path}/x`);
}

/** The rules of the .gitignore files met on the way down, each relative to its own directory. */
export class GitignoreStack {
  private readonly rules: Array<{ base: string; matcher: Ignore }> = [];

  push(base: string, content: string): void {
    this.rules.push({ base, matcher: ignore().add(content) });
  }

  /** Drops rules of directories that are not ancestors of `directory`. */
  enter(directory: string): void {
    while (this.rules.length > 0) {
      const top = this.rules[this.rules.length - 1];
      if (top && (top.base === '' || directory === top.base || directory.startsWith(`${top.base}/`))) break;
      this.rules.pop();
    }
  }

  ignores(path: string, isDirectory: boolean): boolean {
    for (const { base, matcher } of this.rules) {
      const relative = base === '' ? path : path.slice(base.length + 1);
      if (relative && matcher.ignores(isDirectory ? `${relative}/` : relative)) return true;
    }
    return false;
  }
}

/** Builds a deep link from the source's template, or undefined when it has none. */
export function buildLink(
  settings: Pick<CommonSettings, 'urlTemplate' | 'lineAnchor'>,
  values: { path: string; commit?: string; branch?: string },
  lines?: LineRange,
): string | undefined {
  if (!settings.urlTemplate) return undefined;
  const encodedPath = values.path.split('/').map(encodeURIComponent).join('/');
  let link = settings.urlTemplate
    .replaceAll('{path}', encodedPath)
    .replaceAll('{commit}', values.commit ?? values.branch ?? 'HEAD')
    .replaceAll('{branch}', values.branch ?? 'HEAD');
  if (lines) {
    link += settings.lineAnchor
      .replaceAll('{start}', String(lines.start))
      .replaceAll('{end}', String(lines.end));
  }
  return link;
}
