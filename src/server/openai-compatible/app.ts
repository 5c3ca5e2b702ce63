import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type ApiDependencies, authenticateRequest, type Caller } from '../api-dependencies.js';
import { finishAnswer, startAnswer } from './answer-start.js';
import { chatCompletion, newCompletionIdentity } from './chat-completion.js';
import { chatCompletionChunks } from './chat-completion-chunks.js';
import { MODEL_ID, parseChatRequest, toAskRequest } from './chat-request.js';
import { invalidRequest, OpenAIError, toOpenAIError } from './openai-error.js';
import { serverSentEvents } from './server-sent-events.js';

/** Longest request body: a long conversation fits, a runaway client does not. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The OpenAI-compatible API, mounted at `/v1`: one model, `spravka`, whose completions are spravka's
 * answers to the last user message, with the earlier turns as history and the retrieval filtered by the
 * principals of the bearer token's user. Errors have OpenAI's shape so that its clients understand them.
 */
export function createOpenAICompatibleApp(dependencies: ApiDependencies): Hono {
  const app = new Hono();
  const created = Math.floor(Date.now() / 1000);

  app.onError((error, context) => {
    const failure = toOpenAIError(error);
    if (failure.status === 401) context.header('WWW-Authenticate', 'Bearer');
    return context.json(failure.toBody(), failure.status);
  });

  const callerOf = (authorization: string | undefined): Caller => {
    const caller = authenticateRequest(dependencies, authorization);
    if (!caller) {
      throw new OpenAIError(
        401,
        'invalid_api_key',
        'Missing or invalid API key: send a spravka API token as the bearer token.',
      );
    }
    return caller;
  };

  app.get('/models', (context) => {
    callerOf(context.req.header('authorization'));
    return context.json({
      object: 'list',
      data: [{ id: MODEL_ID, object: 'model', created, owned_by: 'spravka' }],
    });
  });

  app.post(
    '/chat/completions',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new OpenAIError(413, 'payload_too_large', 'The request body is larger than 1 MiB.');
      },
    }),
    async (context) => {
      const caller = callerOf(context.req.header('authorization'));
      const body: unknown = await context.req.json().catch((error: unknown) => {
        throw invalidRequest(
          `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      const chat = parseChatRequest(body);
      const cancel = new AbortController();
      const signal = AbortSignal.any([context.req.raw.signal, cancel.signal]);
      const answer = dependencies.ask(toAskRequest(chat, caller, signal));
      const identity = newCompletionIdentity();
      if (!chat.stream) return context.json(chatCompletion(await finishAnswer(answer), identity));
      const streaming = await startAnswer(answer);
      return serverSentEvents(chatCompletionChunks(streaming, identity), () => cancel.abort());
    },
  );

  return app;
}
