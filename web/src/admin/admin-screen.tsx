import { useEffect } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import { type AdminSection, Link, paths } from '../navigation';
import { useSession } from '../session';
import { DashboardPanel } from './dashboard-panel';
import { FeedbackPanel } from './feedback-panel';
import { SourcesPanel } from './sources-panel';
import { UsersPanel } from './users-panel';

const SECTIONS: Array<{ section: AdminSection; label: MessageKey }> = [
  { section: 'dashboard', label: 'admin.dashboard' },
  { section: 'sources', label: 'admin.sources' },
  { section: 'users', label: 'admin.users' },
  { section: 'feedback', label: 'admin.feedback' },
];

/** Administration, for the admin role: each section has its own address. */
export function AdminScreen({ section }: { section: AdminSection }) {
  const { t } = useI18n();
  const { user } = useSession();
  const current = SECTIONS.find((entry) => entry.section === section);

  useEffect(() => {
    document.title = `${current ? t(current.label) : ''} — ${t('app.name')}`;
  }, [current, t]);

  if (user.role !== 'admin') {
    return (
      <main id="main" className="page">
        <h1>{t('admin.title')}</h1>
        <p role="alert">{t('admin.forbidden')}</p>
      </main>
    );
  }

  return (
    <main id="main" className="page page-wide">
      <h1 className="sr-only">{t('admin.title')}</h1>
      <nav className="tabs" aria-label={t('admin.title')}>
        {SECTIONS.map((entry) => (
          <Link
            key={entry.section}
            href={paths.admin(entry.section)}
            aria-current={entry.section === section ? 'page' : undefined}
            data-testid={`admin-tab-${entry.section}`}
          >
            {t(entry.label)}
          </Link>
        ))}
      </nav>
      {section === 'dashboard' ? <DashboardPanel /> : null}
      {section === 'sources' ? <SourcesPanel /> : null}
      {section === 'users' ? <UsersPanel /> : null}
      {section === 'feedback' ? <FeedbackPanel /> : null}
    </main>
  );
}
