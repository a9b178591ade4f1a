/** One message as written to NDJSON: every column plus the names an auditor needs to read it. */
export interface ExportedMessage {
  id: string;
  organizationId: string;
  channel: string;
  channelAccountId: string;
  accountName: string;
  accountHandle: string | null;
  conversationId: string;
  conversationKind: string;
  threadKey: string;
  externalId: string | null;
  direction: string;
  kind: string;
  text: string | null;
  attachments: Array<Record<string, unknown>>;
  parentMessageId: string | null;
  parentExternalId: string | null;
  contactId: string | null;
  contactName: string | null;
  contactHandle: string | null;
  contactPhone: string | null;
  authorUserId: string | null;
  authorName: string | null;
  sentAt: string;
  receivedAt: string;
  deliveryState: string | null;
  deliveryError: unknown;
  deliveryUpdatedAt: string | null;
  edited: boolean;
  editHistory: unknown;
  deleted: boolean;
  deletedAt: string | null;
  raw: unknown;
}

/** Column order of messages.csv (a subset of ExportedMessage; NDJSON carries everything). */
export const CSV_COLUMNS: ReadonlyArray<keyof ExportedMessage> = [
  'id',
  'sentAt',
  'receivedAt',
  'channel',
  'accountName',
  'accountHandle',
  'channelAccountId',
  'conversationId',
  'threadKey',
  'direction',
  'kind',
  'contactName',
  'contactHandle',
  'contactPhone',
  'contactId',
  'authorName',
  'authorUserId',
  'text',
  'attachments',
  'externalId',
  'parentExternalId',
  'deliveryState',
  'edited',
  'deleted',
  'deletedAt',
];
