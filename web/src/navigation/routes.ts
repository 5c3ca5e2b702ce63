/** Every screen the address can name. Setup and sign-in are not addresses: they replace any screen. */
export type AdminSection = 'dashboard' | 'sources' | 'users' | 'feedback';

export type Route =
  | { screen: 'chat'; conversationId?: string }
  | { screen: 'admin'; section: AdminSection }
  | { screen: 'tokens' }
  | { screen: 'not-found' };

export const paths = {
  newChat: '/',
  conversation: (id: string) => `/c/${encodeURIComponent(id)}`,
  admin: (section: AdminSection) => (section === 'dashboard' ? '/admin' : `/admin/${section}`),
  tokens: '/tokens',
};

const ADMIN_SECTIONS: AdminSection[] = ['sources', 'users', 'feedback'];

export function routeOf(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (trimmed === '/') return { screen: 'chat' };
  const conversation = /^\/c\/([^/]+)$/.exec(trimmed);
  if (conversation?.[1]) return { screen: 'chat', conversationId: decodeURIComponent(conversation[1]) };
  if (trimmed === '/admin') return { screen: 'admin', section: 'dashboard' };
  const section = /^\/admin\/([a-z]+)$/.exec(trimmed)?.[1];
  if (section && (ADMIN_SECTIONS as string[]).includes(section))
    return { screen: 'admin', section: section as AdminSection };
  if (trimmed === '/tokens') return { screen: 'tokens' };
  return { screen: 'not-found' };
}
