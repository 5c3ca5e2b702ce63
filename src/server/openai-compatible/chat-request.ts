import { z } from 'zod';
import type { AskRequest, ConversationTurn } from '../../answer/index.js';
import type { Caller } from '../api-dependencies.js';
import { invalidRequest, OpenAIError } from './openai-error.js';

/** The only model this API offers: spravka's answers. */
export const MODEL_ID = 'spravka';

/** Text content, or OpenAI's list of content parts of which the text parts are read. */
const contentSchema = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() })),
  z.null(),
]);

/** Only the fields spravka reads; sampling parameters and the like are accepted and ignored. */
const chatRequestSchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.string(), content: contentSchema.optional() })).min(1),
  stream: z.boolean().nullish(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
type ChatMessage = ChatRequest['messages'][number];

/** A `POST /v1/chat/completions` body, validated; a wrong one is a 400, another model a 404. */
export function parseChatRequest(body: unknown): ChatRequest {
  const parsed = chatRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || 'body';
    throw invalidRequest(`Invalid request: ${path}: ${issue?.message ?? 'invalid value'}.`);
  }
  if (parsed.data.model !== MODEL_ID) {
    throw new OpenAIError(
      404,
      'model_not_found',
      `The model '${parsed.data.model}' does not exist; the only model is '${MODEL_ID}'.`,
    );
  }
  return parsed.data;
}

/**
 * The question is the last user message; the user and assistant turns before it are the history
 * (system and tool messages are ignored). The principals are the caller's, never the body's.
 */
export function toAskRequest(chat: ChatRequest, caller: Caller, signal: AbortSignal): AskRequest {
  const lastUser = chat.messages.findLastIndex((message) => message.role === 'user');
  const question = chat.messages[lastUser];
  if (!question) throw invalidRequest('The messages contain no user message to answer.');
  const history: ConversationTurn[] = [];
  for (const message of chat.messages.slice(0, lastUser)) {
    const content = textOf(message);
    if ((message.role === 'user' || message.role === 'assistant') && content) {
      history.push({ role: message.role, content });
    }
  }
  return { question: textOf(question), history, principals: caller.principals, signal };
}

function textOf(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return (content ?? []).flatMap((part) => (part.type === 'text' && part.text ? [part.text] : [])).join('\n');
}
