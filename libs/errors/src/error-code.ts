/**
 * Every error the API answers carries one of these stable codes (clients may branch on them);
 * error-catalogue.ts holds the status and the Turkish and English message of each.
 */
export enum ErrorCode {
  // Requests in general and the framework's own refusals.
  ValidationFailed = 'validation_failed',
  RequestUnreadable = 'request.unreadable',
  RequestTooLarge = 'request.too_large',
  RequestNotUtf8 = 'request.not_utf8',
  RequestTooDeep = 'request.too_deep',
  RequestTooManyKeys = 'request.too_many_keys',
  UnstorableCharacter = 'request.unstorable_character',
  PathHasNul = 'request.path_has_nul',
  UnsupportedMediaType = 'request.unsupported_media_type',
  UnsupportedContentEncoding = 'request.unsupported_content_encoding',
  MethodNotAllowed = 'request.method_not_allowed',
  NotAcceptable = 'request.not_acceptable',
  RouteNotFound = 'route.not_found',
  Unauthorized = 'auth.unauthorized',
  Forbidden = 'forbidden',
  Conflict = 'conflict',
  Unprocessable = 'unprocessable',
  RateLimited = 'rate_limited',
  ServiceUnavailable = 'service_unavailable',
  RequestFailed = 'request.failed',
  Internal = 'internal_error',

  // Sign-in, sessions, tokens, second factors, single sign-on.
  TokenMissing = 'auth.token_missing',
  TokenInvalid = 'auth.token_invalid',
  RoleRequired = 'auth.role_required',
  WrongCredentials = 'auth.wrong_credentials',
  LoginLocked = 'auth.login_locked',
  PasswordSignInDisabled = 'auth.password_sign_in_disabled',
  SessionNotFound = 'session.not_found',
  ApiTokenCannotCreateTokens = 'api_token.cannot_create_tokens',
  ApiTokenRolesNotHeld = 'api_token.roles_not_held',
  ApiTokenExpiryInPast = 'api_token.expiry_in_past',
  ApiTokenNotFound = 'api_token.not_found',
  ApiTokenCannotChangeTwoFactor = 'api_token.cannot_change_two_factor',
  ApiTokenCannotChangePasskeys = 'api_token.cannot_change_passkeys',
  ApiTokenCannotChangeProfile = 'api_token.cannot_change_profile',
  TwoFactorEnrolmentRequired = 'two_factor.enrolment_required',
  TwoFactorWrongCode = 'two_factor.wrong_code',
  TwoFactorAlreadyEnabled = 'two_factor.already_enabled',
  TwoFactorSetupNotStarted = 'two_factor.setup_not_started',
  TwoFactorNotEnabled = 'two_factor.not_enabled',
  TwoFactorWrongPasswordOrCode = 'two_factor.wrong_password_or_code',
  TwoFactorEnableOwnFirst = 'two_factor.enable_own_first',
  TwoFactorRequiredByPolicy = 'two_factor.required_by_policy',
  TwoFactorLastMethod = 'two_factor.last_method',
  PasskeyNone = 'passkey.none',
  PasskeyNotFound = 'passkey.not_found',
  PasskeyNotVerified = 'passkey.not_verified',
  PasskeyRegistrationRefused = 'passkey.registration_refused',
  PasskeyAlreadyRegistered = 'passkey.already_registered',
  SignInStepExpired = 'auth.sign_in_step_expired',
  SessionExpired = 'auth.session_expired',
  SsoNotConfigured = 'sso.not_configured',
  SsoSettingsInvalid = 'sso.settings_invalid',
  SsoCodeInvalid = 'sso.code_invalid',

  // Users.
  UserNotFound = 'user.not_found',
  UserEmailTaken = 'user.email_taken',
  UserCannotDemoteSelf = 'user.cannot_demote_self',
  UserCannotDeleteSelf = 'user.cannot_delete_self',
  UserCurrentPasswordWrong = 'user.current_password_wrong',
  UserUnknownChannelAccounts = 'user.unknown_channel_accounts',

  // Teams and automatic assignment (issue 26).
  TeamNotFound = 'team.not_found',
  TeamNameTaken = 'team.name_taken',
  TeamInactive = 'team.inactive',
  TeamUnknownMembers = 'team.unknown_members',

  // Directorate (müdürlük) access (issue 26).
  DirectorateRouteClosed = 'directorate.route_closed',
  DirectorateDepartmentRequired = 'directorate.department_required',
  DirectorateDepartmentInvalid = 'directorate.department_invalid',
  DirectorateResolveNotAllowed = 'directorate.resolve_not_allowed',

  // Inbox.
  ConversationNotFound = 'conversation.not_found',
  MessageNotFound = 'message.not_found',
  ContactNotFound = 'contact.not_found',
  OtherContactNotFound = 'contact.other_not_found',
  ContactAvatarNotFound = 'contact.avatar_not_found',
  CannedResponseNotFound = 'canned_response.not_found',
  CannedResponseSharedAdminOnly = 'canned_response.shared_admin_only',
  AttachmentNotFound = 'attachment.not_found',
  AttachmentNotStored = 'attachment.not_stored',
  AttachmentMissingOnDisk = 'attachment.missing_on_disk',
  MediaLinkInvalid = 'media_link.invalid',
  MediaLinkExpired = 'media_link.expired',
  /** A stored image sharp cannot read: it is kept (evidence) but never served with its EXIF. */
  AttachmentImageUnreadable = 'attachment.image_unreadable',
  /** None of the case's photos holds a GPS position in its EXIF. */
  CasePhotoLocationNotFound = 'case.photo_location_not_found',

  // Open311 intake (issue 27): client keys of city apps and web forms.
  Open311ClientNotFound = 'open311.client_not_found',
  Open311KeyInvalid = 'open311.api_key_invalid',

  // Neighbourhoods (issue 27): the boundary upload's problems name the feature (`#3 "Kazımdirik"`).
  NeighbourhoodFileNotFeatureCollection = 'neighbourhood.not_feature_collection',
  NeighbourhoodFileEmpty = 'neighbourhood.empty',
  NeighbourhoodFileTooLarge = 'neighbourhood.too_large',
  NeighbourhoodGeometryType = 'neighbourhood.geometry_type',
  NeighbourhoodRingTooShort = 'neighbourhood.ring_too_short',
  NeighbourhoodRingNotClosed = 'neighbourhood.ring_not_closed',
  NeighbourhoodCoordinateInvalid = 'neighbourhood.coordinate_invalid',
  NeighbourhoodNameMissing = 'neighbourhood.name_missing',
  NeighbourhoodNameDuplicate = 'neighbourhood.name_duplicate',
  NeighbourhoodCityUnknown = 'neighbourhood.city_unknown',
  NeighbourhoodDistrictUnknown = 'neighbourhood.district_unknown',

  // The mayor's briefing (issue 27): its period and neighbourhood.
  BriefingPeriodReversed = 'briefing.period_reversed',
  BriefingPeriodTooLong = 'briefing.period_too_long',
  BriefingNeighbourhoodNotFound = 'briefing.neighbourhood_not_found',

  // Macros (issue 26).
  MacroNotFound = 'macro.not_found',
  MacroSharedAdminOnly = 'macro.shared_admin_only',

  // Cases.
  CaseNotFound = 'case.not_found',
  CaseMergeIntoMerged = 'case.merge_into_merged',
  CaseTransitionNotAllowed = 'case.transition_not_allowed',
  ForwardedCaseNotFound = 'case.forwarded_not_found',
  CategoryNotFound = 'category.not_found',
  CategoryCodeTaken = 'category.code_taken',
  DepartmentNotFound = 'department.not_found',
  DepartmentNameTaken = 'department.name_taken',
  RoutingRuleNotFound = 'routing_rule.not_found',
  PublicDataNotPublished = 'public_data.not_published',
  ServiceRequestNotFound = 'open311.request_not_found',

  // Case deadlines and satisfaction follow-up (issue 25).

  // Mentions.
  MentionsRangeReversed = 'mentions.range_reversed',
  MentionsTooManyBuckets = 'mentions.too_many_buckets',
  MentionsCursorInvalid = 'mentions.cursor_invalid',
  WatchlistNotFound = 'watchlist.not_found',
  WatchlistNameRequired = 'watchlist.name_required',
  WatchlistEmpty = 'watchlist.empty',

  // Automation rules (issue 26).
  AutomationRuleNotFound = 'automation_rule.not_found',
  AutomationRuleOrderMismatch = 'automation_rule.order_mismatch',

  // Office hours and public holidays.
  OfficeHoursUnknownTimeZone = 'office_hours.unknown_time_zone',
  OfficeHoursCloseBeforeOpen = 'office_hours.close_before_open',
  OfficeHoursLunchOutsideHours = 'office_hours.lunch_outside_hours',
  OfficeHoursNoOpenDay = 'office_hours.no_open_day',
  PublicHolidayNotFound = 'public_holiday.not_found',

  // Reply approval (issue 26).
  ReplyDraftNotFound = 'reply_draft.not_found',
  ReplyDraftNotPending = 'reply_draft.not_pending',
  ReplyDraftNotReturned = 'reply_draft.not_returned',
  ReplyDraftNotAuthor = 'reply_draft.not_author',
  ReplyDraftTextNotEditable = 'reply_draft.text_not_editable',

  // Audit, retention, exports.
  LegalHoldExists = 'legal_hold.exists',
  LegalHoldNotFound = 'legal_hold.not_found',
  ErasureBlockedByLegalHold = 'legal_hold.blocks_erasure',
  ExportNotFound = 'export.not_found',
  ExportNotReady = 'export.not_ready',

  // Channels, replies, webhooks.
  ChannelAccountNotFound = 'channel_account.not_found',
  ChannelAccountAlreadyConnected = 'channel_account.already_connected',
  ChannelCredentialInvalid = 'channel_account.credential_invalid',
  ChannelAdapterMissing = 'channel.adapter_missing',
  ReplyIdempotencyKeyReused = 'reply.idempotency_key_reused',
  ReplyRefused = 'reply.refused',
  /** Another officer replied (or holds a reply for approval) since the sender's last seen message. */
  ReplyCollision = 'reply.collision',
  ReplyAttachmentNotAllowed = 'reply_attachment.not_allowed',
  ReplyAttachmentNeedsPublicUrl = 'reply_attachment.needs_public_url',
  ReplyAttachmentTypeNotAllowed = 'reply_attachment.type_not_allowed',
  ReplyAttachmentTooLarge = 'reply_attachment.too_large',
  ReplyAttachmentNotFound = 'reply_attachment.not_found',
  ReplyAttachmentImageUnreadable = 'reply_attachment.image_unreadable',
  WebhookSignatureInvalid = 'webhook.signature_invalid',
  WebhookVerificationFailed = 'webhook.verification_failed',
  WebhookInvalidJson = 'webhook.invalid_json',
  WebhookNoObject = 'webhook.no_object',
  WebhookUnsupportedObject = 'webhook.unsupported_object',
  WebhookPayloadInvalid = 'webhook.payload_invalid',
  WebhookSecretMissing = 'webhook.secret_missing',
  MetricsTokenInvalid = 'metrics.token_invalid',
}
