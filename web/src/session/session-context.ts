import { createContext, useContext } from 'react';
import type { User } from '../api';

/** The signed-in user, present on every screen after sign-in. */
export interface Session {
  user: User;
  signOut(): void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}
