export enum ConversationKind {
  /** A public thread rooted at a post or tweet, with its comment tree. */
  Public = 'public',
  /** A private DM thread between one account and one contact. */
  Direct = 'direct',
}

export enum ConversationStatus {
  Open = 'open',
  Pending = 'pending',
  Resolved = 'resolved',
  Closed = 'closed',
}
