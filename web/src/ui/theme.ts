import { useCallback, useEffect, useState } from 'react';

/** `system` follows `prefers-color-scheme`; light and dark override it. Remembered per browser. */
export type Theme = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'spravka.theme';
const THEMES: Theme[] = ['system', 'light', 'dark'];

export function storedTheme(): Theme {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return THEMES.includes(stored as Theme) ? (stored as Theme) : 'system';
  } catch {
    return 'system';
  }
}

/** Sets `data-theme` on <html>, which the CSS variables in styles/theme.css read. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState(storedTheme);
  useEffect(() => applyTheme(theme), [theme]);
  const change = useCallback((next: Theme) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be disabled: the theme then lasts for this page only.
    }
    setTheme(next);
  }, []);
  return [theme, change];
}
