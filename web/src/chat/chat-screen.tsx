import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { navigate, paths } from '../navigation';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icons';
import { type AnswerActions, AnswerView } from './answer-view';
import { questionBefore } from './chat-state';
import { ConversationSidebar } from './conversation-sidebar';
import { QuestionBox } from './question-box';
import { useChat } from './use-chat';
import { useConversations } from './use-conversations';

/** The chat: history on the side (a drawer on phones), the conversation, and the question box. */
export function ChatScreen({ conversationId }: { conversationId: string | undefined }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const conversations = useConversations(search);
  const reloadConversations = conversations.reload;
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const pinnedRef = useRef(true);

  const chat = useChat(conversationId, {
    onConversation: (id) => {
      navigate(paths.conversation(id), { replace: true });
      reloadConversations();
    },
    onStored: reloadConversations,
  });
  const { state } = chat;

  const chatRef = useRef(chat);
  chatRef.current = chat;
  const actions = useMemo<AnswerActions>(
    () => ({
      onRegenerate: () => chatRef.current.regenerate(),
      onRetry: () => chatRef.current.retry(),
      onFeedback: (key, feedback) => chatRef.current.setFeedback(key, feedback),
    }),
    [],
  );

  // On a desktop the question field is ready to type into; on a phone the keyboard would cover the answer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again whenever another conversation opens.
  useEffect(() => {
    if (window.matchMedia('(pointer: fine)').matches) inputRef.current?.focus();
  }, [conversationId]);

  useEffect(() => {
    if (!sidebarOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setSidebarOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sidebarOpen]);

  useEffect(() => {
    document.title = state.title ? `${state.title} — ${t('app.name')}` : t('app.name');
  }, [state.title, t]);

  // Follow the streaming answer while the reader is at the bottom; leave them be if they scrolled up.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls after every change of the turns.
  useLayoutEffect(() => {
    const area = scrollRef.current;
    if (area && pinnedRef.current) area.scrollTop = area.scrollHeight;
  }, [state.turns]);

  const onScroll = () => {
    const area = scrollRef.current;
    if (area) pinnedRef.current = area.scrollHeight - area.scrollTop - area.clientHeight < 48;
  };

  const ask = useCallback((question: string) => {
    pinnedRef.current = true;
    chatRef.current.ask(question);
  }, []);

  const newChat = () => {
    chat.reset();
    setSidebarOpen(false);
    navigate(paths.newChat);
    inputRef.current?.focus();
  };

  const last = state.turns.at(-1);
  const status =
    last?.kind !== 'answer'
      ? ''
      : last.status === 'streaming'
        ? t('chat.status.answering')
        : last.status === 'done'
          ? t('chat.status.done')
          : last.status === 'stopped'
            ? t('chat.status.stopped')
            : t('chat.status.failed');

  return (
    <div className="chat-layout">
      <ConversationSidebar
        conversations={conversations}
        search={search}
        onSearch={setSearch}
        currentId={state.conversationId}
        onNewChat={newChat}
        onOpen={() => setSidebarOpen(false)}
        onDeleted={(id) => {
          if (id === state.conversationId) newChat();
        }}
        onRenamed={chat.renamed}
        open={sidebarOpen}
      />
      {sidebarOpen ? (
        <div className="sidebar-backdrop" aria-hidden="true" onClick={() => setSidebarOpen(false)} />
      ) : null}
      <main id="main" className="chat-main" aria-labelledby="chat-title">
        <div className="chat-toolbar">
          <button
            type="button"
            className="button-icon sidebar-toggle"
            aria-expanded={sidebarOpen}
            aria-controls="conversations"
            aria-label={t('conversations.toggle')}
            onClick={() => setSidebarOpen((open) => !open)}
            data-testid="sidebar-toggle"
          >
            <Icon name="menu" />
          </button>
          <h1 id="chat-title" className="chat-title">
            {state.title || t('chat.newTitle')}
          </h1>
        </div>
        <div className="chat-scroll" ref={scrollRef} onScroll={onScroll}>
          <div className="chat-column">
            <ErrorMessage error={chat.loadError} />
            {chat.loading ? <p className="muted">{t('common.loading')}</p> : null}
            {!chat.loading && state.turns.length === 0 && !chat.loadError ? <EmptyChat /> : null}
            <section className="turns" aria-label={t('chat.conversation')}>
              {state.turns.map((turn, index) =>
                turn.kind === 'question' ? (
                  <div key={turn.key} className="question" data-testid="question">
                    <span className="sr-only">{t('chat.you')}: </span>
                    {turn.content}
                  </div>
                ) : (
                  <AnswerView
                    key={turn.key}
                    turn={turn}
                    question={questionBefore(state.turns, index)}
                    last={index === state.turns.length - 1}
                    actions={actions}
                  />
                ),
              )}
            </section>
          </div>
        </div>
        <div className="chat-input">
          <QuestionBox
            inputRef={inputRef}
            streaming={chat.streaming}
            followUp={state.turns.length > 0}
            onAsk={ask}
            onStop={chat.stop}
          />
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {status}
        </p>
      </main>
    </div>
  );
}

function EmptyChat() {
  const { t } = useI18n();
  return (
    <div className="empty-chat">
      <h2>{t('chat.emptyTitle')}</h2>
      <p className="muted">{t('chat.emptyLead')}</p>
    </div>
  );
}
