import type { ModelFile } from './types.js';

export const HUGGING_FACE = 'https://huggingface.co';

/**
 * A file of a Hugging Face repository at a pinned commit. The URL names the commit, never a branch, so the
 * bytes behind it cannot change under the size and sha256 recorded here (a branch moves when a publisher
 * re-uploads a quantisation, which several of these repositories have done).
 */
export function huggingFaceFile(
  repository: string,
  revision: string,
  name: string,
  size: number,
  sha256: string,
): ModelFile {
  return { name, url: `${HUGGING_FACE}/${repository}/resolve/${revision}/${name}`, size, sha256 };
}
