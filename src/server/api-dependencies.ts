import type { AnswerEvent, AnswerResult, AskRequest } from '../answer/index.js';
import type { SearchRequest, SearchResult } from '../retrieval/index.js';

/** Who is calling an API, as their bearer token says; every retrieval is filtered by the principals. */
export interface Caller {
  userName: string;
  principals: string[];
}

/** A whole document, as `get_document` returns it. */
export interface ApiDocument {
  source: string;
  uri: string;
  title: string;
  url?: string;
  text: string;
}

/**
 * What the machine-facing APIs (OpenAI-compatible, MCP) need from the rest of spravka, injected by the
 * composition root so that they depend on these functions only.
 */
export interface ApiDependencies {
  /** The user of a bearer token, or undefined (→ 401). */
  authenticate(token: string): Caller | undefined;
  ask(request: AskRequest): AsyncGenerator<AnswerEvent, AnswerResult>;
  search(request: SearchRequest): Promise<SearchResult[]>;
  /** A whole document the caller may read (by source name and uri), or undefined. */
  getDocument(caller: Caller, source: string, uri: string): Promise<ApiDocument | undefined>;
}

/** The caller of a request from its `Authorization: Bearer …` header, or undefined. */
export function authenticateRequest(
  dependencies: Pick<ApiDependencies, 'authenticate'>,
  authorization: string | undefined,
): Caller | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  return token === undefined ? undefined : dependencies.authenticate(token);
}
