import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../api';
import { type AnswerTurn, type ChatState, chatReducer, emptyChat } from './chat-state';

const events = (state: ChatState, list: ChatEvent[]) =>
  list.reduce((current, event) => chatReducer(current, { type: 'event', event, language: 'ru' }), state);
const lastAnswer = (state: ChatState) => state.turns.at(-1) as AnswerTurn;

describe('chatReducer', () => {
  it('follows an answer from the question to the stored result', () => {
    let state = chatReducer(emptyChat, { type: 'asked', question: 'Где VPN?', again: false });
    state = events(state, [
      { type: 'conversation', id: 'c1', title: 'Где VPN?' },
      { type: 'sources', sources: [{ n: 1, source: 'wiki', uri: 'vpn.md', title: 'VPN', text: '…' }] },
      { type: 'notice', code: 'llm_unavailable', message: { en: 'Model down', ru: 'Модель недоступна' } },
      { type: 'token', text: 'См. ' },
      { type: 'token', text: '[1].' },
    ]);
    expect(state.conversationId).toBe('c1');
    expect(lastAnswer(state)).toMatchObject({
      status: 'streaming',
      content: 'См. [1].',
      notices: [{ message: 'Модель недоступна' }],
    });

    state = events(state, [
      { type: 'done', messageId: 7, answer: 'См. [1].', citations: [], mode: 'extractive', latencyMs: 900 },
    ]);
    expect(lastAnswer(state)).toMatchObject({
      status: 'done',
      messageId: 7,
      mode: 'extractive',
      latencyMs: 900,
    });
  });

  it('replaces the last answer when asked again, keeping the question', () => {
    let state = chatReducer(emptyChat, { type: 'asked', question: 'q', again: false });
    state = events(state, [{ type: 'error', code: 'llm_failed', message: 'failed', hint: null }]);
    expect(lastAnswer(state).status).toBe('failed');
    state = chatReducer(state, { type: 'asked', question: 'q', again: true });
    expect(state.turns.map((turn) => turn.kind)).toEqual(['question', 'answer']);
    expect(lastAnswer(state).status).toBe('streaming');
  });

  it('marks an abandoned answer stopped and ignores events after it', () => {
    let state = chatReducer(emptyChat, { type: 'asked', question: 'q', again: false });
    state = chatReducer(state, { type: 'stopped' });
    state = events(state, [{ type: 'token', text: 'late' }]);
    expect(lastAnswer(state)).toMatchObject({ status: 'stopped', content: '' });
  });

  it('takes a new title only for the conversation on screen', () => {
    const state = events(chatReducer(emptyChat, { type: 'asked', question: 'q', again: false }), [
      { type: 'conversation', id: 'c1', title: 'q' },
    ]);
    expect(chatReducer(state, { type: 'renamed', id: 'c1', title: 'VPN' }).title).toBe('VPN');
    expect(chatReducer(state, { type: 'renamed', id: 'other', title: 'VPN' }).title).toBe('q');
  });

  it('shows a stored conversation', () => {
    const state = chatReducer(emptyChat, {
      type: 'loaded',
      conversation: {
        id: 'c2',
        title: 'T',
        createdAt: '',
        updatedAt: '',
        messages: [
          { id: 1, role: 'user', content: 'q', createdAt: '' },
          {
            id: 2,
            role: 'assistant',
            content: 'Не знаю.',
            createdAt: '',
            answer: {
              mode: 'not_found',
              citations: [],
              sources: [],
              query: 'q',
              language: 'ru',
              latencyMs: 5,
            },
            feedback: { rating: 'down', comment: null },
          },
        ],
      },
    });
    expect(lastAnswer(state)).toMatchObject({
      messageId: 2,
      mode: 'not_found',
      status: 'done',
      feedback: { rating: 'down' },
    });
  });
});
