import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Language } from '../api';
import { en, type MessageKey } from './en';
import { ru } from './ru';
import { type Parameters, translate } from './translate';

const DICTIONARIES = { en, ru } as const;
const STORAGE_KEY = 'spravka.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, parameters?: Parameters): string;
  /** `day` is for UTC calendar days (`2025-03-14`), as the statistics count them. */
  formatDate(iso: string, style?: 'date' | 'date-time' | 'day'): string;
  formatNumber(value: number): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** The remembered choice, else the browser's language when it is Russian, else English. */
export function initialLanguage(): Language {
  const stored = readStored();
  if (stored) return stored;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

export function I18nProvider({
  language: initial,
  children,
  onChange,
}: {
  language: Language;
  children: ReactNode;
  onChange?: (language: Language) => void;
}) {
  const [language, setLanguageState] = useState(initial);

  useEffect(() => {
    document.documentElement.lang = language;
    onChange?.(language);
  }, [language, onChange]);

  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be disabled (private mode, policy): the choice then lasts for this page only.
    }
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dateFormats = {
      date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
      'date-time': new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
      day: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    };
    return {
      language,
      setLanguage,
      t: (key, parameters) => translate(language, DICTIONARIES[language][key], parameters),
      formatNumber: (value) => value.toLocaleString(language),
      formatDate: (iso, style = 'date-time') => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormats[style].format(date);
      },
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

function readStored(): Language | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'ru' ? stored : undefined;
  } catch {
    return undefined;
  }
}
