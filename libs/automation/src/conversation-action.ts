import type { CasePriority } from '@civic/model';

/** What a rule or a macro can do to a conversation (issue 26). One runner carries out all of them. */
export enum ConversationActionKind {
  AssignTeam = 'assign_team',
  AssignOfficer = 'assign_officer',
  AddTags = 'add_tags',
  SetPriority = 'set_priority',
  OpenCase = 'open_case',
  ForwardCase = 'forward_case',
  SendCannedResponse = 'send_canned_response',
  NotifyTeam = 'notify_team',
  NotifyTeamWebhook = 'notify_team_webhook',
  CloseAsSpam = 'close_as_spam',
  CloseConversation = 'close_conversation',
}

export type ConversationAction =
  | { kind: ConversationActionKind.AssignTeam; teamId: string }
  | { kind: ConversationActionKind.AssignOfficer; userId: string }
  | { kind: ConversationActionKind.AddTags; tags: string[] }
  | { kind: ConversationActionKind.SetPriority; priority: CasePriority }
  /**
   * Opens a case from the conversation's latest citizen message; `categoryKey` as in routing rules.
   * Without it the learned suggestion is applied when its confidence reaches the threshold.
   */
  | { kind: ConversationActionKind.OpenCase; categoryKey?: string; departmentId?: string }
  /** Forwards the conversation's open case to an external body (a department of kind external). */
  | { kind: ConversationActionKind.ForwardCase; departmentId: string }
  /** Replies with a canned response through the normal reply outbox and channel rules. */
  | { kind: ConversationActionKind.SendCannedResponse; cannedResponseId: string }
  | { kind: ConversationActionKind.NotifyTeam; teamId: string }
  /** Posts a signed JSON notice to the team's webhook (a chat room, a duty system). */
  | { kind: ConversationActionKind.NotifyTeamWebhook; teamId: string }
  | { kind: ConversationActionKind.CloseAsSpam }
  | { kind: ConversationActionKind.CloseConversation };
