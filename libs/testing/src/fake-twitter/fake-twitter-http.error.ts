/** Verbatim v2 error bodies (test/fixtures/channels/twitter/error_429_body.json, error_usage_capped_body.json). */
export const TWITTER_429_BODY = {
  title: 'Too Many Requests',
  detail: 'Too Many Requests',
  type: 'about:blank',
  status: 429,
};
export const TWITTER_USAGE_CAPPED_BODY = {
  title: 'UsageCapExceeded',
  detail: 'Usage cap exceeded: Monthly product cap',
  type: 'https://api.twitter.com/2/problems/usage-capped',
  period: 'Monthly',
  scope: 'Product',
};
export const TWITTER_401_BODY = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };

/** Thrown by a route or check of the fake X server: answered with this status and body. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** X's 400 for one bad parameter. */
export function invalidRequest(parameter: string, message: string): FakeHttpError {
  return new FakeHttpError(400, {
    errors: [{ parameters: { [parameter]: [] }, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  });
}
