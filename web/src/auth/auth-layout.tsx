import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Preferences } from '../shell/preferences';

/** The calm centred card shared by first-run setup and sign-in. */
export function AuthLayout({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="auth">
      <div className="auth-card">
        <p className="brand auth-brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </p>
        <h1>{title}</h1>
        {lead ? <p className="muted">{lead}</p> : null}
        {children}
        <div className="auth-footer">
          <Preferences />
        </div>
      </div>
    </main>
  );
}
