import type { Logger } from 'pino';
import type { Session, User } from '../accounts/index.js';

/** Who is calling: a signed-in browser session, a personal API token, or nobody. */
export type Caller =
  | { kind: 'session'; user: User; session: Session; sessionId: string }
  | { kind: 'token'; user: User };

/** Hono's typed context variables, set by the middleware and read by the routes. */
export interface ServerEnvironment {
  Variables: {
    requestId: string;
    logger: Logger;
    caller: Caller | undefined;
  };
}
