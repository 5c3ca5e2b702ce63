export { ApiContext, useApi } from './api-context';
export { type Session, SessionContext, useSession } from './session-context';
