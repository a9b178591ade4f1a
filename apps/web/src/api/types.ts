/** Shapes of the API answers the web inbox reads (see /docs-json). */
export type Channel = 'facebook' | 'instagram' | 'whatsapp' | 'twitter';
export type Role = 'admin' | 'officer' | 'mayor_office' | 'auditor';
export type ConversationStatus = 'open' | 'pending' | 'resolved' | 'closed';
export type DeliveryState = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  organizationId: string;
  /** The organization requires two-factor for one of the roles and the user has none yet. */
  twoFactorEnrolmentRequired?: boolean;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface AccountRef {
  id: string;
  name: string;
  handle: string | null;
  ownerLabel: string | null;
}

export interface ConversationView {
  id: string;
  channel: Channel;
  account: AccountRef;
  contact: { id: string; name: string | null; handle: string | null } | null;
  kind: 'public' | 'direct';
  status: ConversationStatus;
  assignee: { id: string; displayName: string } | null;
  tags: string[];
  lastActivityAt: string;
  lastMessagePreview: string | null;
  messageCount: number;
  unreadCount: number;
  replyWindow: { expiresAt: string | null; open: boolean };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Attachment {
  type: 'image' | 'video' | 'audio' | 'document' | 'sticker' | 'location' | 'contact' | 'link';
  caption?: string | null;
  fileName?: string | null;
  mimeType?: string | null;
  channelUrl?: string | null;
  channelMediaId?: string | null;
  url?: string | null;
  location?: GeoLocation;
}

export interface GeoLocation {
  latitude: number;
  longitude: number;
  name?: string | null;
  address?: string | null;
}

export interface MessageItem {
  type: 'message';
  internal: false;
  id: string;
  direction: 'in' | 'out';
  kind: string;
  text: string | null;
  attachments: Attachment[];
  location: GeoLocation | null;
  sentAt: string;
  author: { contactId: string; name: string | null; handle: string | null } | null;
  authorUserId: string | null;
  deliveryState: DeliveryState | null;
  deliveryError: string | null;
  edited: boolean;
  editHistory: { text?: string | null; editedAt?: string }[];
  deleted: boolean;
  deletedAt: string | null;
}

export interface NoteItem {
  type: 'note';
  internal: true;
  id: string;
  text: string;
  sentAt: string;
  author: { userId: string; displayName: string | null } | null;
}

export type ThreadItem = MessageItem | NoteItem;

export interface ChannelAccountView {
  id: string;
  channel: Channel;
  name: string;
  handle: string | null;
  ownerLabel: string | null;
}

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
}

export interface UserView {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
}

export interface AuditEventView {
  id: string;
  seq: string;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  occurredAt: string;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  head: { seq: string; hash: string } | null;
  firstBrokenSeq?: string | null;
  reason?: string | null;
}

export interface ExportJobView {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  processedMessages: number;
  totalMessages: number | null;
  progress: number;
  fileSize: number | null;
  manifestSha256: string | null;
  error: string | null;
  downloadUrl: string | null;
}

export type CaseStatus = 'new' | 'assigned' | 'in_progress' | 'forwarded' | 'resolved' | 'rejected';

export interface CaseView {
  id: string;
  number: number;
  status: CaseStatus;
  priority: string;
  description: string | null;
  category: { id: string; code: string; name: string; slaHours: number };
  department: { id: string; name: string } | null;
  externalBody: { id: string; name: string } | null;
  conversationId: string;
  channel: Channel;
  contact: { id: string; name: string | null; handle: string | null } | null;
  location: { latitude: number; longitude: number; label: string | null } | null;
  dueAt: string;
  overdue: boolean;
  resolutionText: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface CaseCategory {
  id: string;
  code: string;
  name: string;
  slaHours: number;
  active: boolean;
}

export interface MentionView {
  id: string;
  conversationId: string | null;
  channel: Channel;
  author: { name: string | null; handle: string | null; followers: number | null };
  text: string | null;
  url: string | null;
  matchedTerms: string[];
  publishedAt: string;
  metrics: { likes: number | null; reposts: number | null; replies: number | null; reach: number | null };
}

export interface MentionVolume {
  bucket: 'hour' | 'day';
  total: number;
  points: { start: string; date?: string; count: number }[];
}

export interface MentionAuthor {
  channel: Channel;
  externalId: string;
  name: string | null;
  handle: string | null;
  count: number;
  reach: number | null;
}

export interface CaseHistoryEntry {
  id: string;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
  occurredAt: string;
}

export interface CaseForwardView {
  id: string;
  externalBodyId: string;
  externalBodyName: string;
  transport: 'webhook' | 'email';
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface CaseDetail extends CaseView {
  rejectionReason: string | null;
  history: CaseHistoryEntry[];
  forwards: CaseForwardView[];
}

export interface CaseCounts {
  received: number;
  resolved: number;
  rejected: number;
  open: number;
}

export interface Durations {
  median: number | null;
  p90: number | null;
}

export interface CaseStats extends CaseCounts {
  from: string;
  to: string;
  resolvedEver: number;
  resolvedWithinSla: number;
  resolvedWithinSlaShare: number | null;
  timeToResolutionHours: Durations;
  timeToFinalResolutionHours: Durations;
  byDepartment: (CaseCounts & { departmentId: string | null; name: string | null })[];
  byCategory: (CaseCounts & { categoryId: string; code: string; name: string })[];
  byChannel: (CaseCounts & { channel: Channel })[];
}

/** GET/PUT /api/v1/retention (administrators). */
export interface RetentionSettingsView {
  retentionDays: number | null;
  maskPhoneNumbers: boolean;
  maskNames: boolean;
  lastRunAt: string | null;
  nextRunAt: string | null;
}

/** GET /api/v1/legal-holds (administrators, auditors). */
export interface LegalHoldView {
  conversationId: string;
  reason: string;
  placedAt: string;
  placedBy: string | null;
  channel: Channel;
  contactName: string | null;
  contactHandle: string | null;
}

export type DepartmentKind = 'department' | 'external_body';

export interface DepartmentView {
  id: string;
  name: string;
  kind: DepartmentKind;
  email: string | null;
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  webhookSecret?: string;
  active: boolean;
  categories: { id: string; code: string; name: string }[];
}

export type ChannelAccountStatus = 'active' | 'paused' | 'needs_reauthorization' | 'usage_capped' | 'disabled';

export interface ChannelAccountAdminView extends ChannelAccountView {
  externalId: string;
  status: ChannelAccountStatus;
  pausedUntil: string | null;
  lastError: string | null;
  lastPolledAt: string | null;
  pollIntervalSeconds: number;
  sandbox: boolean;
  hasCredentials?: boolean;
}

export interface UserAdminView extends UserView {
  active: boolean;
  twoFactorEnabled?: boolean;
  locale: 'tr' | 'en';
  channelAccountIds: string[];
}

export interface MentionDigest {
  date: string;
  total: number;
  byWatchlist: { watchlistId: string; name: string; count: number }[];
  spikes: { alertId: string; watchlistId: string; name: string; openedAt: string; closedAt: string | null; hourCount: number; peakCount: number; threshold: number }[];
}

/** POST /auth/login with two-factor: the password was right, a code completes the sign-in. */
export interface TwoFactorChallenge {
  twoFactorRequired: true;
  challengeToken: string;
  expiresIn: number;
  methods: ('totp' | 'passkey' | 'recovery')[];
}

export interface TwoFactorStatus {
  totpEnabled: boolean;
  totpEnabledAt: string | null;
  recoveryCodesLeft: number;
  /** Registered passkeys (each counts as a second factor). */
  passkeys: number;
  enrolmentRequired: boolean;
  requiredByOrganization: boolean;
}

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  transports: string[];
  /** A synced (multi-device) passkey. */
  synced: boolean;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  /** Dark modules as one SVG path on a size x size grid. */
  qrCode: { size: number; path: string };
}

export interface SessionView {
  id: string;
  device: string | null;
  userAgent: string | null;
  ip: string | null;
  authMethod: string;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

export interface TwoFactorPolicy {
  enforced: boolean;
  roles: Role[];
}
