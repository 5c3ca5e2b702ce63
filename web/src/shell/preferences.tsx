import { useId } from 'react';
import type { Language } from '../api';
import { useI18n } from '../i18n';
import { Icon } from '../ui/icons';
import { type Theme, useTheme } from '../ui/theme';

const THEME_ICONS = { system: 'monitor', light: 'sun', dark: 'moon' } as const;
const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/** The interface language and the colour theme; both remembered in this browser. */
export function Preferences() {
  const { t, language, setLanguage } = useI18n();
  const [theme, setTheme] = useTheme();
  const languageId = useId();
  const themeName = t(`theme.${theme}`);
  return (
    <div className="preferences">
      <label className="sr-only" htmlFor={languageId}>
        {t('preferences.language')}
      </label>
      <select
        id={languageId}
        className="select-compact"
        data-testid="language-select"
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        <option value="ru">Русский</option>
        <option value="en">English</option>
      </select>
      <button
        type="button"
        className="button-icon"
        data-testid="theme-toggle"
        aria-label={t('theme.toggle', { theme: themeName })}
        title={t('theme.toggle', { theme: themeName })}
        onClick={() => setTheme(NEXT_THEME[theme])}
      >
        <Icon name={THEME_ICONS[theme]} />
      </button>
    </div>
  );
}
