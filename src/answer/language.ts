import type { Language } from '../i18n/index.js';

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The language a question is written in: Russian when Cyrillic letters make at least a third of its
 * letters (a Russian question often names English identifiers: «Где реализован res.redirect?»).
 */
export function detectLanguage(value: string): Language {
  const cyrillic = value.match(CYRILLIC)?.length ?? 0;
  const latin = value.match(LATIN)?.length ?? 0;
  return cyrillic > 0 && cyrillic * 2 >= latin ? 'ru' : 'en';
}

export function otherLanguage(language: Language): Language {
  return language === 'ru' ? 'en' : 'ru';
}

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Russian' };
