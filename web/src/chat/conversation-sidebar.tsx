import { useId, useState } from 'react';
import type { ConversationSummary } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icons';
import type { Loaded } from '../ui/use-load';
import { groupByPeriod } from './conversation-groups';
import { ConversationItem } from './conversation-item';

/** History: a new chat, a search over titles and messages, and the conversations by recency. */
export function ConversationSidebar({
  conversations,
  search,
  onSearch,
  currentId,
  onNewChat,
  onOpen,
  onDeleted,
  onRenamed,
  open,
}: {
  conversations: Loaded<ConversationSummary[]>;
  search: string;
  onSearch: (search: string) => void;
  currentId: string | undefined;
  onNewChat: () => void;
  onOpen: () => void;
  onDeleted: (id: string) => void;
  onRenamed: (id: string, title: string) => void;
  open: boolean;
}) {
  const api = useApi();
  const { t } = useI18n();
  const searchId = useId();
  const [error, setError] = useState<unknown>();
  const list = conversations.data ?? [];

  const rename = async (id: string, title: string) => {
    setError(undefined);
    try {
      const renamed = await api.conversations.rename(id, title);
      onRenamed(id, renamed.title);
      conversations.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const remove = async (id: string) => {
    setError(undefined);
    try {
      await api.conversations.remove(id);
      onDeleted(id);
      conversations.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <aside
      className={`sidebar${open ? ' sidebar-open' : ''}`}
      aria-label={t('conversations.label')}
      id="conversations"
    >
      <button type="button" className="button-secondary new-chat" onClick={onNewChat} data-testid="new-chat">
        <Icon name="plus" />
        {t('conversations.new')}
      </button>
      <div className="sidebar-search">
        <label htmlFor={searchId} className="sr-only">
          {t('conversations.search')}
        </label>
        <Icon name="search" size={16} />
        <input
          id={searchId}
          type="search"
          placeholder={t('conversations.search')}
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          data-testid="conversation-search"
        />
      </div>
      <ErrorMessage error={error ?? conversations.error} className="small" />
      <nav
        className="conversation-list"
        aria-label={t('conversations.label')}
        aria-busy={conversations.loading}
      >
        {groupByPeriod(list).map(({ period, items }) => (
          <section key={period} aria-labelledby={`${searchId}-${period}`}>
            <h2 className="sidebar-heading" id={`${searchId}-${period}`}>
              {t(`conversations.${period}`)}
            </h2>
            <ul>
              {items.map((conversation) => (
                <ConversationItem
                  key={conversation.id}
                  conversation={conversation}
                  current={conversation.id === currentId}
                  onOpen={onOpen}
                  onRename={(title) => rename(conversation.id, title)}
                  onDelete={() => remove(conversation.id)}
                />
              ))}
            </ul>
          </section>
        ))}
        {!conversations.loading && list.length === 0 && !conversations.error ? (
          <p className="muted small sidebar-empty">
            {search.trim() ? t('conversations.noMatches') : t('conversations.empty')}
          </p>
        ) : null}
      </nav>
    </aside>
  );
}
