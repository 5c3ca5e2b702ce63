import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ConversationSummary } from '../api';
import { useI18n } from '../i18n';
import { Link, paths } from '../navigation';
import { ConfirmButton } from '../ui/confirm-button';
import { Icon } from '../ui/icons';

/** A conversation in the sidebar: a link to it, and rename / delete in place. */
export function ConversationItem({
  conversation,
  current,
  onOpen,
  onRename,
  onDelete,
}: {
  conversation: ConversationSummary;
  current: boolean;
  onOpen: () => void;
  onRename: (title: string) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  const inputRef = useRef<HTMLInputElement>(null);
  const shownTitle = conversation.title || t('conversations.untitled');

  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const next = title.trim();
    if (next && next !== conversation.title) await onRename(next);
    setEditing(false);
  };

  if (editing) {
    return (
      <li className="conversation conversation-editing" data-testid="conversation-item">
        <form onSubmit={save} className="conversation-rename">
          <label className="sr-only" htmlFor={`rename-${conversation.id}`}>
            {t('conversations.newTitle')}
          </label>
          <input
            id={`rename-${conversation.id}`}
            ref={inputRef}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setTitle(conversation.title);
                setEditing(false);
              }
            }}
            data-testid="conversation-rename-input"
          />
          <button
            type="submit"
            className="button-icon"
            aria-label={t('common.save')}
            title={t('common.save')}
          >
            <Icon name="check" />
          </button>
        </form>
      </li>
    );
  }

  return (
    <li className={`conversation${current ? ' conversation-current' : ''}`} data-testid="conversation-item">
      <Link
        href={paths.conversation(conversation.id)}
        aria-current={current ? 'page' : undefined}
        onClick={onOpen}
        className="conversation-link"
      >
        {shownTitle}
      </Link>
      <span className="conversation-actions">
        <button
          type="button"
          className="button-icon"
          aria-label={t('conversations.rename', { title: shownTitle })}
          title={t('conversations.renameShort')}
          onClick={() => {
            setTitle(conversation.title);
            setEditing(true);
          }}
          data-testid="conversation-rename"
        >
          <Icon name="edit" size={16} />
        </button>
        <ConfirmButton
          className="button-icon"
          question={t('conversations.deleteQuestion')}
          confirmLabel={t('common.delete')}
          onConfirm={onDelete}
          testId="conversation-delete"
        >
          <Icon name="trash" size={16} />
          <span className="sr-only">{t('conversations.delete', { title: shownTitle })}</span>
        </ConfirmButton>
      </span>
    </li>
  );
}
