import { type Language, text } from '../i18n/index.js';

/** The fixed texts of answers, in the question's language. */
export const NOT_FOUND = text(
  "I don't know: none of the documents you can access answers this question. The closest ones are listed below — try rephrasing, or ask about something they cover.",
  'Не знаю: ни один доступный вам документ не отвечает на этот вопрос. Ближайшие документы — ниже; попробуйте переформулировать вопрос.',
);

export const EXTRACTIVE_LABEL = text(
  '**Extractive answer** — no language model is available, so here are the most relevant passages, quoted as they are:',
  '**Извлечённый ответ** — языковая модель недоступна, поэтому ниже приведены самые подходящие фрагменты документов как есть:',
);

export function say(message: { en: string; ru: string }, language: Language): string {
  return message[language];
}
