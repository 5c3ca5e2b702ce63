import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { type Feedback, isAbort } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { describe } from '../ui/error-message';
import { type ChatState, chatReducer, emptyChat, questionBefore } from './chat-state';

export interface ChatCallbacks {
  /** The server named the conversation (a new one is created by the first question). */
  onConversation(id: string): void;
  /** An answer was stored: the conversation list may have a new title or order. */
  onStored(): void;
}

export interface Chat {
  state: ChatState;
  loading: boolean;
  loadError: unknown;
  streaming: boolean;
  ask(question: string): void;
  stop(): void;
  /** Asks the last question again; the server replaces the stored answer (regenerate: true). */
  regenerate(): void;
  /** Sends the last question again after an answer that failed or was stopped (nothing was stored). */
  retry(): void;
  reset(): void;
  setFeedback(key: string, feedback: Feedback): void;
  renamed(id: string, title: string): void;
}

/**
 * The conversation the address names, and the chat stream that adds to it. Leaving the conversation
 * (or starting another question) aborts the stream, which cancels the answer on the server.
 */
export function useChat(conversationId: string | undefined, callbacks: ChatCallbacks): Chat {
  const api = useApi();
  const { language, t } = useI18n();
  const [state, dispatch] = useReducer(chatReducer, emptyChat);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();
  const streamRef = useRef<AbortController | undefined>(undefined);
  /** The conversation on screen; a new conversation gets its id from the stream before the address does. */
  const shownRef = useRef<string | undefined>(undefined);
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;

  const abortStream = useCallback(() => {
    const stream = streamRef.current;
    streamRef.current = undefined;
    stream?.abort();
  }, []);

  useEffect(() => {
    if (conversationId === shownRef.current) return;
    abortStream();
    shownRef.current = conversationId;
    setLoadError(undefined);
    if (!conversationId) {
      dispatch({ type: 'reset' });
      return;
    }
    const controller = new AbortController();
    let settled = false;
    setLoading(true);
    api.conversations.get(conversationId, controller.signal).then(
      (conversation) => {
        settled = true;
        dispatch({ type: 'loaded', conversation });
        setLoading(false);
      },
      (error: unknown) => {
        settled = true;
        if (controller.signal.aborted || isAbort(error)) return;
        dispatch({ type: 'reset' });
        setLoadError(error);
        setLoading(false);
      },
    );
    return () => {
      controller.abort();
      // A load cut short (the effect re-runs in StrictMode) must be able to start again.
      if (!settled && shownRef.current === conversationId) shownRef.current = undefined;
    };
  }, [conversationId, api, abortStream]);

  // Leaving the chat screen cancels an answer in progress.
  useEffect(() => abortStream, [abortStream]);

  const send = useCallback(
    async (question: string, { again, regenerate }: { again: boolean; regenerate: boolean }) => {
      abortStream();
      const controller = new AbortController();
      streamRef.current = controller;
      dispatch({ type: 'asked', question, again });
      const current = () => streamRef.current === controller;
      let ended = false;
      try {
        const request = {
          message: question,
          ...(shownRef.current ? { conversationId: shownRef.current } : {}),
          ...(regenerate ? { regenerate: true } : {}),
        };
        for await (const event of api.chat(request, controller.signal)) {
          if (!current()) return;
          if (event.type === 'conversation' && shownRef.current !== event.id) {
            shownRef.current = event.id;
            callbacksRef.current.onConversation(event.id);
          }
          dispatch({ type: 'event', event, language });
          if (event.type === 'done') callbacksRef.current.onStored();
          if (event.type === 'done' || event.type === 'error') ended = true;
        }
        if (!ended && current()) {
          dispatch({
            type: 'failed',
            error: { code: 'stream_ended', message: t('chat.incomplete'), hint: null },
          });
        }
      } catch (error) {
        // Aborted by stop(), another question or leaving the conversation: each settles the turn itself.
        if (controller.signal.aborted || isAbort(error) || !current()) return;
        const { message, hint } = describe(error, t('error.network'), t('error.unexpected'));
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'unexpected';
        dispatch({ type: 'failed', error: { code, message, hint } });
      } finally {
        if (current()) streamRef.current = undefined;
      }
    },
    [api, abortStream, language, t],
  );

  const lastQuestion = () => questionBefore(state.turns, state.turns.length);
  const last = state.turns.at(-1);

  return {
    state,
    loading,
    loadError,
    streaming: last?.kind === 'answer' && last.status === 'streaming',
    ask: (question) => void send(question, { again: false, regenerate: false }),
    stop: () => {
      if (!streamRef.current) return;
      abortStream();
      dispatch({ type: 'stopped' });
    },
    regenerate: () => {
      const question = lastQuestion();
      if (question) void send(question, { again: true, regenerate: true });
    },
    retry: () => {
      const question = lastQuestion();
      if (question) void send(question, { again: true, regenerate: false });
    },
    reset: () => {
      abortStream();
      shownRef.current = undefined;
      setLoadError(undefined);
      dispatch({ type: 'reset' });
    },
    setFeedback: (key, feedback) => dispatch({ type: 'feedback', key, feedback }),
    renamed: (id, title) => dispatch({ type: 'renamed', id, title }),
  };
}
