import { FakeHttpError, invalidRequest } from './fake-twitter-http.error';
import type { Json, Query } from './fake-twitter-wire';
import {
  compareIds,
  DEFAULT_TWEET_FIELDS,
  fields,
  matchesSearch,
  maxResults,
  paginate,
  project,
} from './fake-twitter-wire';
import type { FakeTwitterStore } from './fake-twitter.store';
import type { FakeTweet } from './fake-twitter.types';

/** `GET /2/users/:id/mentions`: tweets that @mention the user, by entity or in the text. */
export function mentions(store: FakeTwitterStore, userId: string, query: Query): Json {
  const user = store.users.get(userId);
  const handle = user ? `@${user.username.toLowerCase()}` : null;
  const candidates = [...store.tweets.values()].filter((tweet) => {
    if (store.deletedTweets.has(tweet.id) || !handle) {
      return false;
    }
    const mentioned = ((tweet.entities?.mentions as { username: string }[] | undefined) ?? []).some(
      (m) => `@${m.username.toLowerCase()}` === handle,
    );
    return mentioned || new RegExp(`${handle}\\b`, 'i').test(tweet.text);
  });
  return tweetPage(store, candidates, query, 'pagination_token', 5);
}

/** `GET /2/tweets/search/recent`. */
export function searchRecent(store: FakeTwitterStore, query: Query): Json {
  const q = query.get('query');
  if (!q) {
    throw invalidRequest('query', 'The `query` query parameter can not be empty');
  }
  const candidates = [...store.tweets.values()].filter(
    (tweet) => !store.deletedTweets.has(tweet.id) && matchesSearch(tweet.note_tweet?.text ?? tweet.text, q),
  );
  return tweetPage(store, candidates, query, 'next_token', 10);
}

/** `POST /2/tweets`: a tweet by `me`, or a reply to a visible tweet. */
export function createTweet(store: FakeTwitterStore, me: string, body: unknown): Json {
  const payload = (body ?? {}) as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
  if (typeof payload.text !== 'string' || !payload.text.length) {
    throw invalidRequest('text', 'text is required');
  }
  const parentId = payload.reply?.in_reply_to_tweet_id;
  if (parentId && (!store.tweets.has(parentId) || store.deletedTweets.has(parentId))) {
    throw new FakeHttpError(403, {
      detail: 'You attempted to reply to a Tweet that is deleted or not visible to you.',
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
    });
  }
  const tweet = store.addTweet({
    text: payload.text,
    author_id: me,
    ...(parentId ? { referenced_tweets: [{ type: 'replied_to' as const, id: parentId }] } : {}),
  });
  // Shape of create_tweet_response_2021.json.
  return { data: { id: tweet.id, text: tweet.text } };
}

function tweetPage(
  store: FakeTwitterStore,
  candidates: FakeTweet[],
  query: Query,
  tokenParam: string,
  minResults: number,
): Json {
  const since = query.get('since_id');
  const until = query.get('until_id');
  const start = query.get('start_time') ? Date.parse(query.get('start_time')!) : null;
  const end = query.get('end_time') ? Date.parse(query.get('end_time')!) : null;
  const tweets = candidates
    .filter((tweet) => !since || compareIds(tweet.id, since) > 0)
    .filter((tweet) => !until || compareIds(tweet.id, until) < 0)
    .filter((tweet) => start === null || Date.parse(tweet.created_at) >= start)
    .filter((tweet) => end === null || Date.parse(tweet.created_at) <= end)
    .sort((a, b) => compareIds(b.id, a.id));
  const pageSize = maxResults(query, minResults, 100, 10);
  const { page, nextToken } = paginate(tweets, query.get(tokenParam), pageSize);
  const tweetFields = fields(query, 'tweet.fields', DEFAULT_TWEET_FIELDS);
  const expansions = fields(query, 'expansions', []);

  const userIds = new Set<string>();
  const mediaKeys = new Set<string>();
  const placeIds = new Set<string>();
  const referenced: FakeTweet[] = [];
  for (const tweet of page) {
    if (expansions.includes('author_id')) {
      userIds.add(tweet.author_id);
    }
    if (expansions.includes('in_reply_to_user_id') && tweet.in_reply_to_user_id) {
      userIds.add(tweet.in_reply_to_user_id);
    }
    if (expansions.includes('attachments.media_keys')) {
      for (const key of tweet.attachments?.media_keys ?? []) {
        mediaKeys.add(key);
      }
    }
    if (expansions.includes('geo.place_id') && tweet.geo?.place_id) {
      placeIds.add(tweet.geo.place_id);
    }
    if (expansions.includes('referenced_tweets.id')) {
      for (const ref of tweet.referenced_tweets ?? []) {
        const target = store.tweets.get(ref.id);
        if (target && !store.deletedTweets.has(ref.id)) {
          referenced.push(target);
        }
      }
    }
  }
  const includes = store.includes(
    query,
    userIds,
    mediaKeys,
    placeIds,
    referenced.map((tweet) => project(tweet, tweetFields)),
  );
  return {
    ...(page.length ? { data: page.map((tweet) => project(tweet, tweetFields)) } : {}),
    ...(Object.keys(includes).length ? { includes } : {}),
    meta: page.length
      ? {
          ...(nextToken ? { next_token: nextToken } : {}),
          result_count: page.length,
          newest_id: page[0].id,
          oldest_id: page[page.length - 1].id,
        }
      : { result_count: 0 },
  };
}
