import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { principalsOf } from '../../accounts/index.js';
import type { AnswerEvent, AnswerResult, AskRequest, ConversationTurn } from '../../answer/index.js';
import type { ConversationStore } from '../../conversations/index.js';
import { SpravkaError } from '../../errors/index.js';
import { languageFromAcceptHeader, text } from '../../i18n/index.js';
import type { ServerEnvironment } from '../environment.js';
import { errorBody, notFound } from '../errors.js';
import { requireUser } from '../middleware/authentication.js';
import { readBody } from '../validation.js';

const chatRequest = z.object({
  conversationId: z.string().min(1).max(64).optional(),
  message: z.string().max(20_000).optional(),
  regenerate: z.boolean().optional(),
});

/** Turns of the conversation given to the answer as history: the last few, answers without their sources. */
const HISTORY_TURNS = 8;

type Ask = (request: AskRequest) => AsyncGenerator<AnswerEvent, AnswerResult>;

/**
 * `POST /api/chat`: a question into a conversation (a new one when no id is given), answered as a stream
 * of server-sent events; the exchange is stored only when the answer is complete. A client that goes away
 * cancels the answer.
 */
export function chatRoutes({ conversations, ask }: { conversations: ConversationStore; ask: Ask }) {
  const app = new Hono<ServerEnvironment>();

  app.post('/chat', async (context) => {
    const user = requireUser(context);
    const body = await readBody(context, chatRequest);
    let conversation = body.conversationId ? conversations.get(user.id, body.conversationId) : undefined;
    if (body.conversationId && !conversation) throw notFound();
    let question = body.message?.trim() ?? '';
    let history: ConversationTurn[] = (conversation?.messages ?? []).map((message) => ({
      role: message.role,
      content: message.content,
    }));
    if (body.regenerate) {
      const lastQuestion = history.findLast((turn) => turn.role === 'user');
      if (!conversation || !lastQuestion) {
        throw new SpravkaError(
          'request_invalid',
          text('There is no answer to regenerate.', 'Нет ответа, который можно создать заново.'),
        );
      }
      question = lastQuestion.content;
      history = history.slice(0, history.lastIndexOf(lastQuestion));
    }
    if (!question) {
      throw new SpravkaError('query_invalid', text('The question is empty.', 'Пустой вопрос.'));
    }
    const language = languageFromAcceptHeader(context.req.header('accept-language'));
    const logger = context.get('logger');
    return streamSSE(context, async (stream) => {
      const controller = new AbortController();
      stream.onAbort(() => controller.abort(new Error('the client went away')));
      const started = performance.now();
      conversation ??= { ...conversations.create(user.id, titleOf(question)), messages: [] };
      const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
      await send('conversation', { id: conversation.id, title: conversation.title });
      try {
        const run = ask({
          question,
          history: history.slice(-HISTORY_TURNS),
          principals: principalsOf(user),
          signal: controller.signal,
        });
        let step = await run.next();
        while (!step.done) {
          const event = step.value;
          if (event.type === 'query')
            await send('query', { query: event.query, alternatives: event.alternatives });
          else if (event.type === 'sources') await send('sources', { sources: event.sources });
          else if (event.type === 'reasoning-delta') await send('reasoning', { text: event.text });
          else if (event.type === 'text-delta') await send('token', { text: event.text });
          else if (event.type === 'notice')
            await send('notice', { code: event.code, message: event.message[language] });
          step = await run.next();
        }
        const result = step.value;
        const latencyMs = Math.round(performance.now() - started);
        if (body.regenerate) conversations.removeLastExchange(user.id, conversation.id);
        const stored = conversations.addExchange(user.id, conversation.id, question, {
          content: result.answer,
          answer: {
            mode: result.mode,
            citations: result.citations,
            sources: result.sources,
            query: result.query,
            language: result.language,
            latencyMs,
          },
        });
        logger.info({ conversation: conversation.id, mode: result.mode, latencyMs }, 'answered');
        await send('done', {
          messageId: stored?.answer.id ?? null,
          answer: result.answer,
          citations: result.citations,
          mode: result.mode,
          latencyMs,
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        const { body: failure } = errorBody(
          error,
          context.req.header('accept-language'),
          context.get('requestId'),
        );
        if (failure.error.code === 'internal') logger.error({ err: error }, 'answer failed unexpectedly');
        else logger.warn({ code: failure.error.code }, 'answer failed');
        await send('error', failure.error);
      }
    });
  });

  return app;
}

function titleOf(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
