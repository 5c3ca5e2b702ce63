import type { ConversationSummary } from '../api';

export type Period = 'today' | 'week' | 'older';

/** Conversations by how recently they were used, keeping the server's newest-first order inside each. */
export function groupByPeriod(
  conversations: ConversationSummary[],
  now = new Date(),
): Array<{ period: Period; items: ConversationSummary[] }> {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const weekAgo = startOfToday - 6 * 24 * 60 * 60 * 1000;
  const groups: Record<Period, ConversationSummary[]> = { today: [], week: [], older: [] };
  for (const conversation of conversations) {
    const time = new Date(conversation.updatedAt).getTime();
    groups[time >= startOfToday ? 'today' : time >= weekAgo ? 'week' : 'older'].push(conversation);
  }
  return (['today', 'week', 'older'] as const)
    .filter((period) => groups[period].length > 0)
    .map((period) => ({ period, items: groups[period] }));
}
