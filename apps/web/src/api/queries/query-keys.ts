/** Cache keys by resource: invalidating a prefix (e.g. ['cases']) refetches every query under it. */
export const queryKeys = {
  conversations: ['conversations'] as const,
  conversationList: (query: string) => ['conversations', 'list', query] as const,
  conversation: (id: string) => ['conversations', 'one', id] as const,
  conversationThread: (id: string) => ['conversations', 'thread', id] as const,
  cases: ['cases'] as const,
  caseList: (departmentId: string) => ['cases', 'list', departmentId] as const,
  caseDetail: (id: string) => ['cases', 'one', id] as const,
  departments: (kind: string) => ['departments', kind] as const,
  channelAccounts: ['channel-accounts'] as const,
};
