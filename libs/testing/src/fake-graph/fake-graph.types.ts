import type { IncomingHttpHeaders } from 'node:http';
import type { MultipartPart } from '../multipart-body';
import type { FakeGraphFailure } from './meta-error-bodies';

/** One request the fake received, for assertions. */
export interface RecordedGraphRequest {
  method: string;
  /** Path without the version prefix, e.g. "/106540352242922/messages". */
  path: string;
  version: string | null;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Date.now() when the request line arrived (send-rate checks). */
  receivedAt: number;
  /** The parts of a multipart upload (WhatsApp /media, Messenger /message_attachments). */
  parts?: MultipartPart[];
}

export interface FakeParty {
  id: string;
  name?: string;
  username?: string;
}

export interface FakePost {
  id: string;
  message?: string;
  created_time: string;
  from: FakeParty;
}

export interface FakeComment {
  id: string;
  message: string;
  created_time: string;
  from: FakeParty;
  /** The comment this one answers; absent for a top-level comment. */
  parentId?: string;
}

export interface FakeIgMedia {
  id: string;
  caption?: string;
  timestamp: string;
  media_type?: string;
  permalink?: string;
}

/** Public IG media found through hashtag search or an @mention (fields are projected on request). */
export interface FakeIgPublicMedia {
  id: string;
  caption?: string;
  timestamp: string;
  media_type?: string;
  permalink?: string;
  like_count?: number;
  comments_count?: number;
  /** Served on mentioned_media only; recent_media never returns the author. */
  username?: string;
}

/** A comment on someone else's media that @mentions the account. */
export interface FakeIgMentionedComment {
  id: string;
  text: string;
  timestamp: string;
  username?: string;
  like_count?: number;
  media: { id: string; permalink?: string };
}

/** A public post that tags a page (`from` is shown only for pages, as on the real /tagged edge). */
export interface FakeTaggedPost {
  id: string;
  message?: string;
  created_time: string;
  permalink_url?: string;
  from?: FakeParty;
}

export interface FakeConversationMessage {
  id: string;
  message?: string;
  created_time: string;
  from: FakeParty;
  to: FakeParty;
  attachments?: Array<Record<string, unknown>>;
}

export interface FakeMediaFile {
  bytes: Buffer;
  mimeType: string;
}

export interface FailureRule {
  method?: string;
  path?: string | RegExp;
  remaining: number;
  failure: FakeGraphFailure;
}

export interface Conversation {
  id: string;
  accountId: string;
  platform: 'messenger' | 'instagram';
  messages: FakeConversationMessage[];
}
