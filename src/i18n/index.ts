/**
 * User-facing text in Russian and English. Every message a user can see is a LocalizedText;
 * the language is chosen once per CLI run (SPRAVKA_LANG, then LANG) or per HTTP request (Accept-Language).
 */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface LocalizedText {
  en: string;
  ru: string;
}

export function text(en: string, ru: string): LocalizedText {
  return { en, ru };
}

export function pickLanguage(...candidates: Array<string | undefined>): Language {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    if (lower.startsWith('ru')) return 'ru';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Language from an Accept-Language header: the first tag we support, in the client's order. */
export function languageFromAcceptHeader(header: string | undefined): Language {
  if (!header) return 'en';
  const tags = header
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '')
    .filter(Boolean);
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('ru')) return 'ru';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function render(message: LocalizedText, language: Language): string {
  return message[language];
}
