/** Why an action was skipped or failed (ActionOutcome.reason); the web words each in Turkish. */
export enum ActionReason {
  /** Nothing to change: the officer is already assigned, the tags are already there. */
  NoChange = 'no_change',
  TeamsUnavailable = 'teams_unavailable',
  TeamNotFound = 'team_not_found',
  OfficerUnavailable = 'officer_unavailable',
  CaseAlreadyOpen = 'case_already_open',
  NoOpenCase = 'no_open_case',
  UnknownCategory = 'unknown_category',
  /** open_case without a category: the learned suggestion is missing or below the administrator's threshold. */
  NoConfidentSuggestion = 'no_confident_suggestion',
  UnknownDepartment = 'unknown_department',
  UnknownExternalBody = 'unknown_external_body',
  CaseTransitionNotAllowed = 'case_transition_not_allowed',
  CannedResponseUnavailable = 'canned_response_unavailable',
  /** The channel's rules refused the reply (e.g. WhatsApp's 24-hour window). */
  ReplyRefused = 'reply_refused',
  NoTeamEmails = 'no_team_emails',
  /** notify_team_webhook on a team without a webhook address. */
  NoTeamWebhook = 'no_team_webhook',
  MailNotConfigured = 'mail_not_configured',
  ConversationNotFound = 'conversation_not_found',
  /** A value the service refused (validation_failed). */
  InvalidValue = 'invalid_value',
  Unexpected = 'unexpected_error',
}
