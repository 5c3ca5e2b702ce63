import { useI18n } from '../i18n';
import { Link, paths } from '../navigation';

export function NotFound() {
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href={paths.newChat}>{t('notFound.back')}</Link>
      </p>
    </main>
  );
}
