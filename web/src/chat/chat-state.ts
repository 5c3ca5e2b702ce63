import type { AnswerMode, AnswerSource, ChatEvent, Citation, Conversation, Feedback, Language } from '../api';

/**
 * The conversation on screen as a reducer over the chat stream's events, so the whole life of an
 * answer (searching → reasoning → streaming → done / stopped / failed) is in one pure function.
 */
export interface QuestionTurn {
  kind: 'question';
  key: string;
  content: string;
}

export type AnswerStatus = 'streaming' | 'done' | 'stopped' | 'failed';

export interface Notice {
  code: string;
  message: string;
}

export interface AnswerTurn {
  kind: 'answer';
  key: string;
  /** The stored message's id, known once the answer is done; feedback needs it. */
  messageId?: number;
  status: AnswerStatus;
  content: string;
  mode?: AnswerMode;
  sources: AnswerSource[];
  citations: Citation[];
  reasoning: string;
  notices: Notice[];
  query?: string;
  latencyMs?: number;
  error?: { code: string; message: string; hint: string | null };
  feedback?: Feedback;
}

export type Turn = QuestionTurn | AnswerTurn;

export interface ChatState {
  conversationId?: string;
  title: string;
  turns: Turn[];
}

export type ChatAction =
  | { type: 'reset' }
  | { type: 'loaded'; conversation: Conversation }
  /** `again`: the last answer is replaced (regenerate, retry); otherwise the question is a new turn. */
  | { type: 'asked'; question: string; again: boolean }
  | { type: 'event'; event: ChatEvent; language: Language }
  | { type: 'stopped' }
  | { type: 'failed'; error: { code: string; message: string; hint: string | null } }
  | { type: 'feedback'; key: string; feedback: Feedback }
  | { type: 'renamed'; id: string; title: string };

export const emptyChat: ChatState = { title: '', turns: [] };

let keys = 0;
const nextKey = () => `turn-${++keys}`;

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'reset':
      return emptyChat;
    case 'loaded':
      return {
        conversationId: action.conversation.id,
        title: action.conversation.title,
        turns: action.conversation.messages.map((message): Turn => {
          if (message.role === 'user')
            return { kind: 'question', key: `message-${message.id}`, content: message.content };
          return {
            kind: 'answer',
            key: `message-${message.id}`,
            messageId: message.id,
            status: 'done',
            content: message.content,
            mode: message.answer?.mode ?? 'generated',
            sources: message.answer?.sources ?? [],
            citations: message.answer?.citations ?? [],
            reasoning: '',
            notices: [],
            ...(message.answer ? { query: message.answer.query, latencyMs: message.answer.latencyMs } : {}),
            ...(message.feedback ? { feedback: message.feedback } : {}),
          };
        }),
      };
    case 'asked': {
      // An answer still streaming when another question starts was abandoned: it shows as stopped.
      const settled = state.turns.map((turn) =>
        turn.kind === 'answer' && turn.status === 'streaming'
          ? { ...turn, status: 'stopped' as const }
          : turn,
      );
      const turns = action.again && settled.at(-1)?.kind === 'answer' ? settled.slice(0, -1) : settled;
      const question: Turn[] = action.again
        ? []
        : [{ kind: 'question', key: nextKey(), content: action.question }];
      const answer: AnswerTurn = {
        kind: 'answer',
        key: nextKey(),
        status: 'streaming',
        content: '',
        sources: [],
        citations: [],
        reasoning: '',
        notices: [],
      };
      return { ...state, turns: [...turns, ...question, answer] };
    }
    case 'event':
      return applyEvent(state, action.event, action.language);
    case 'stopped':
      return updateStreaming(state, (answer) => ({ ...answer, status: 'stopped' }));
    case 'failed':
      return updateStreaming(state, (answer) => ({ ...answer, status: 'failed', error: action.error }));
    case 'renamed':
      return state.conversationId === action.id ? { ...state, title: action.title } : state;
    case 'feedback':
      return {
        ...state,
        turns: state.turns.map((turn) =>
          turn.kind === 'answer' && turn.key === action.key ? { ...turn, feedback: action.feedback } : turn,
        ),
      };
  }
}

function applyEvent(state: ChatState, event: ChatEvent, language: Language): ChatState {
  switch (event.type) {
    case 'conversation':
      return { ...state, conversationId: event.id, title: event.title };
    case 'query':
      return updateStreaming(state, (answer) => ({ ...answer, query: event.query }));
    case 'sources':
      return updateStreaming(state, (answer) => ({ ...answer, sources: event.sources }));
    case 'reasoning':
      return updateStreaming(state, (answer) => ({ ...answer, reasoning: answer.reasoning + event.text }));
    case 'token':
      return updateStreaming(state, (answer) => ({ ...answer, content: answer.content + event.text }));
    case 'notice': {
      const message = typeof event.message === 'string' ? event.message : event.message[language];
      return updateStreaming(state, (answer) => ({
        ...answer,
        notices: [...answer.notices, { code: event.code, message }],
      }));
    }
    case 'done':
      return updateStreaming(state, (answer) => ({
        ...answer,
        status: 'done',
        ...(event.messageId !== null ? { messageId: event.messageId } : {}),
        content: event.answer,
        citations: event.citations,
        mode: event.mode,
        latencyMs: event.latencyMs,
      }));
    case 'error':
      return updateStreaming(state, (answer) => ({
        ...answer,
        status: 'failed',
        error: { code: event.code, message: event.message, hint: event.hint },
      }));
  }
}

/** Applies a change to the answer being streamed (the last turn), if there is one. */
function updateStreaming(state: ChatState, change: (answer: AnswerTurn) => AnswerTurn): ChatState {
  const last = state.turns.at(-1);
  if (last?.kind !== 'answer' || last.status !== 'streaming') return state;
  return { ...state, turns: [...state.turns.slice(0, -1), change(last)] };
}

/** The question a given answer replies to: the nearest question turn before it. */
export function questionBefore(turns: Turn[], index: number): string | undefined {
  for (let position = index - 1; position >= 0; position--) {
    const turn = turns[position];
    if (turn?.kind === 'question') return turn.content;
  }
  return undefined;
}
