import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { Link, paths, type Route } from '../navigation';
import { useSession } from '../session';
import { Preferences } from './preferences';

export function AppHeader({ route }: { route: Route }) {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  return (
    <header className="app-header">
      <Link href={paths.newChat} className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <Link
          href={paths.newChat}
          aria-current={route.screen === 'chat' ? 'page' : undefined}
          data-testid="nav-chat"
        >
          {t('nav.chat')}
        </Link>
        {user.role === 'admin' ? (
          <Link
            href={paths.admin('dashboard')}
            aria-current={route.screen === 'admin' ? 'page' : undefined}
            data-testid="nav-admin"
          >
            {t('nav.admin')}
          </Link>
        ) : null}
      </nav>
      <UserMenu
        name={user.displayName || user.name}
        onSignOut={signOut}
        tokensCurrent={route.screen === 'tokens'}
      />
    </header>
  );
}

/** A disclosure (details/summary: keyboard-operable as it is) that closes on Escape and outside clicks. */
function UserMenu({
  name,
  onSignOut,
  tokensCurrent,
}: {
  name: string;
  onSignOut: () => void;
  tokensCurrent: boolean;
}) {
  const { t } = useI18n();
  const menuRef = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const close = (event: Event) => {
      const menu = menuRef.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        menu.open = false;
        menu.querySelector('summary')?.focus();
      } else if (!menu.contains(event.target as Node)) {
        menu.open = false;
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, []);

  const closeMenu = () => {
    if (menuRef.current) menuRef.current.open = false;
  };

  return (
    <details className="user-menu" ref={menuRef}>
      <summary data-testid="user-menu" aria-label={t('nav.account', { name })}>
        <span className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-menu-name">{name}</span>
      </summary>
      <div className="user-menu-panel">
        <Link
          href={paths.tokens}
          aria-current={tokensCurrent ? 'page' : undefined}
          onClick={closeMenu}
          data-testid="nav-tokens"
        >
          {t('nav.tokens')}
        </Link>
        <Preferences />
        <button type="button" className="button-quiet" onClick={onSignOut} data-testid="sign-out">
          {t('nav.signOut')}
        </button>
      </div>
    </details>
  );
}
