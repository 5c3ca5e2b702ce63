/**
 * The OpenAPI description served at /api/openapi.json: every route with who may call it. The prose
 * reference with the event stream formats is docs/api.md.
 */
type Operation = {
  summary: string;
  security?: Array<Partial<Record<'session' | 'token', string[]>>>;
  tags: string[];
};

const session = [{ session: [] }, { token: [] }];
const operation = (summary: string, tag: string, secured = true): Operation => ({
  summary,
  tags: [tag],
  ...(secured ? { security: session } : {}),
});

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'spravka',
    version: '0.1.0',
    description:
      'Answers from the company knowledge base. Session cookies need the X-CSRF-Token header on state-changing requests; bearer tokens do not. See docs/api.md.',
  },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'spravka_session' },
      token: { type: 'http', scheme: 'bearer' },
    },
  },
  paths: {
    '/api/setup': {
      get: operation('Whether the first administrator is still to be created', 'auth', false),
      post: operation('Create the first administrator and sign in', 'auth', false),
    },
    '/api/auth/login': { post: operation('Sign in with name and password', 'auth', false) },
    '/api/auth/logout': { post: operation('Sign out', 'auth') },
    '/api/auth/me': { get: operation('The signed-in user, principals and CSRF token', 'auth') },
    '/api/search': {
      get: operation('Hybrid search filtered by the caller (public only when anonymous)', 'search', false),
    },
    '/api/chat': { post: operation('Ask in a conversation; answered as text/event-stream', 'chat') },
    '/api/conversations': { get: operation('Own conversations, newest first; q searches them', 'chat') },
    '/api/conversations/{id}': {
      get: operation('One own conversation with its messages', 'chat'),
      patch: operation('Rename', 'chat'),
      delete: operation('Delete', 'chat'),
    },
    '/api/messages/{id}/feedback': { put: operation('Rate an answer up or down, with a comment', 'chat') },
    '/api/tokens': {
      get: operation('Own API tokens', 'tokens'),
      post: operation('Create a token (shown once)', 'tokens'),
    },
    '/api/tokens/{id}': { delete: operation('Revoke a token', 'tokens') },
    '/api/admin/sources': {
      get: operation('Sources with counts and last run', 'admin'),
      post: operation('Add a source', 'admin'),
    },
    '/api/admin/sources/{name}': {
      patch: operation('Change settings or ACL', 'admin'),
      delete: operation('Remove with its documents', 'admin'),
    },
    '/api/admin/sources/{name}/sync': { post: operation('Sync now; progress as text/event-stream', 'admin') },
    '/api/admin/sources/{name}/runs': { get: operation('Sync history', 'admin') },
    '/api/admin/users': { get: operation('Users', 'admin'), post: operation('Add a user', 'admin') },
    '/api/admin/users/{id}': {
      patch: operation('Change a user', 'admin'),
      delete: operation('Delete a user', 'admin'),
    },
    '/api/admin/groups': { get: operation('Groups with member counts', 'admin') },
    '/api/admin/feedback': { get: operation('Feedback to review', 'admin') },
    '/api/admin/stats': { get: operation('Usage dashboard figures', 'admin') },
    '/v1/models': { get: operation('OpenAI-compatible: the spravka model', 'openai') },
    '/v1/chat/completions': {
      post: operation('OpenAI-compatible RAG chat completions, streaming or not', 'openai'),
    },
    '/mcp': { post: operation('Model Context Protocol (streamable HTTP): search, ask, get_document', 'mcp') },
    '/healthz': { get: operation('Health', 'operations', false) },
  },
} as const;
