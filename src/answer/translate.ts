import type { Language } from '../i18n/index.js';
import type { LanguageModel } from '../llm/index.js';
import { completeText } from './complete-text.js';
import { LANGUAGE_NAMES } from './language.js';

/**
 * The query in the other language (Russian ↔ English), so that a Russian question also finds English
 * code and documents and the other way round. Identifiers, commands and names are kept as they are.
 */
export async function translateQuery(
  query: string,
  target: Language,
  model: LanguageModel,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const translated = await completeText(
    model,
    [
      {
        role: 'system',
        content:
          `Translate the user's search query into ${LANGUAGE_NAMES[target]}. Keep code identifiers, commands, ` +
          'file names and product names unchanged. Output only the translation.',
      },
      { role: 'user', content: query },
    ],
    signal,
  );
  if (!translated || translated.toLowerCase() === query.toLowerCase()) return undefined;
  return translated;
}
