import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, type SessionInfo, type User } from './api';
import { LoginScreen } from './auth/login-screen';
import { SetupScreen } from './auth/setup-screen';
import { ChatScreen } from './chat/chat-screen';
import { useI18n } from './i18n';
import { routeOf, usePath } from './navigation';
import { type Session, SessionContext, useApi } from './session';
import { AppHeader } from './shell/app-header';
import { NotFound } from './shell/not-found';
import { TokensScreen } from './tokens/tokens-screen';
import { ErrorMessage } from './ui/error-message';

// Administration is for a few people: its code loads when it is opened.
const AdminScreen = lazy(() =>
  import('./admin/admin-screen').then((module) => ({ default: module.AdminScreen })),
);

type State =
  | { status: 'loading' }
  | { status: 'unreachable'; error: unknown }
  | { status: 'setup' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; user: User };

/**
 * Decides what a visitor sees: first-run setup while there is no administrator, sign-in without a
 * session, and the screen the address names once signed in. A 401 from any later call (the session
 * ended) brings sign-in back on the same address.
 */
export function App({ sessionEnded }: { sessionEnded: EventTarget }) {
  const api = useApi();
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });

  const start = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      if ((await api.setup.status()).needsAdmin) return setState({ status: 'setup' });
      const { user } = await api.auth.me();
      setState({ status: 'signed-in', user });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        setState({ status: 'signed-out', expired: false });
      else setState({ status: 'unreachable', error });
    }
  }, [api]);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    const onEnded = () => setState({ status: 'signed-out', expired: true });
    sessionEnded.addEventListener('ended', onEnded);
    return () => sessionEnded.removeEventListener('ended', onEnded);
  }, [sessionEnded]);

  const signedIn = useCallback(
    (session: SessionInfo) => setState({ status: 'signed-in', user: session.user }),
    [],
  );

  const session = useMemo<Session | undefined>(
    () =>
      state.status === 'signed-in'
        ? {
            user: state.user,
            signOut: () => {
              api.auth.logout().finally(() => setState({ status: 'signed-out', expired: false }));
            },
          }
        : undefined,
    [state, api],
  );

  switch (state.status) {
    case 'loading':
      return (
        <div className="splash" role="status">
          <span className="sr-only">{t('common.loading')}</span>
        </div>
      );
    case 'unreachable':
      return (
        <main className="auth">
          <div className="auth-card">
            <h1>{t('app.unreachable')}</h1>
            <ErrorMessage error={state.error} />
            <button type="button" className="button-primary" onClick={() => void start()}>
              {t('common.retry')}
            </button>
          </div>
        </main>
      );
    case 'setup':
      return <SetupScreen onSignedIn={signedIn} />;
    case 'signed-out':
      return <LoginScreen expired={state.expired} onSignedIn={signedIn} />;
    case 'signed-in':
      return (
        <SessionContext.Provider value={session}>
          <SignedIn />
        </SessionContext.Provider>
      );
  }
}

function SignedIn() {
  const { t } = useI18n();
  const route = routeOf(usePath());
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppHeader route={route} />
      {route.screen === 'chat' ? <ChatScreen conversationId={route.conversationId} /> : null}
      {route.screen === 'admin' ? (
        <Suspense fallback={<main id="main" className="page" aria-busy="true" />}>
          <AdminScreen section={route.section} />
        </Suspense>
      ) : null}
      {route.screen === 'tokens' ? <TokensScreen /> : null}
      {route.screen === 'not-found' ? <NotFound /> : null}
    </div>
  );
}
