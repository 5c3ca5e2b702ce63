import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../api';
import { useApi } from '../session';
import { useLoad } from '../ui/use-load';

/** The signed-in user's conversations, newest first, filtered by a search that waits for typing to pause. */
export function useConversations(search: string) {
  const api = useApi();
  const [query, setQuery] = useState(search);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  return useLoad<ConversationSummary[]>((signal) => api.conversations.list(query, signal), [api, query]);
}
