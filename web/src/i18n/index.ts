export type { MessageKey } from './en';
export { type I18n, I18nProvider, initialLanguage, useI18n } from './i18n-context';
