import type {
  Conversation,
  FakeComment,
  FakeIgMedia,
  FakeIgMentionedComment,
  FakeIgPublicMedia,
  FakeMediaFile,
  FakePost,
  FakeTaggedPost,
} from './fake-graph.types';

/** What the fake Graph API knows (posts, media, comments, conversations, hashtags, mentions) and its id counter. */
export class FakeGraphStore {
  readonly pagePosts = new Map<string, FakePost[]>();
  readonly igMedia = new Map<string, FakeIgMedia[]>();
  readonly igMediaIds = new Set<string>();
  readonly comments = new Map<string, FakeComment[]>();
  readonly conversations: Conversation[] = [];
  readonly mediaFiles = new Map<string, FakeMediaFile>();
  readonly hashtagIds = new Map<string, string>();
  readonly hashtagMedia = new Map<string, FakeIgPublicMedia[]>();
  readonly mentionedMediaById = new Map<string, FakeIgPublicMedia>();
  readonly mentionedComments = new Map<string, FakeIgMentionedComment>();
  readonly taggedPosts = new Map<string, FakeTaggedPost[]>();
  readonly graphPosts = new Map<string, FakeTaggedPost>();
  private counter: number;

  /** @param firstId where generated ids start (see FakeGraphApiServer). */
  constructor(private readonly firstId = 0) {
    this.counter = firstId;
  }

  /** Forget the data and restart the ids. */
  reset(): void {
    this.counter = this.firstId;
    this.pagePosts.clear();
    this.igMedia.clear();
    this.igMediaIds.clear();
    this.comments.clear();
    this.conversations.length = 0;
    this.mediaFiles.clear();
    this.hashtagIds.clear();
    this.hashtagMedia.clear();
    this.mentionedMediaById.clear();
    this.mentionedComments.clear();
    this.taggedPosts.clear();
    this.graphPosts.clear();
  }

  next(): number {
    this.counter += 1;
    return this.counter;
  }
}
