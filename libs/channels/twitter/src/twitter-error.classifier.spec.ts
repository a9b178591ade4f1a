import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { ChannelErrorKind } from '@civic/channels-core';
import { classifyTwitterError } from './twitter-error.classifier';

function responseError(code: number, data: object, rateLimit?: ApiResponseError['rateLimit']): ApiResponseError {
  return new ApiResponseError(`Request failed with code ${code}`, {
    code,
    data,
    rateLimit,
    headers: {},
    request: {} as never,
    response: {} as never,
  });
}

describe('classifyTwitterError', () => {
  it('waits for the 24-hour window when that is the one exhausted', () => {
    const error = classifyTwitterError(
      responseError(
        429,
        { title: 'Too Many Requests' },
        { limit: 300, remaining: 12, reset: 1700000900, userDay: { limit: 100, remaining: 0, reset: 1700050000 } },
      ),
    );
    expect(error.kind).toBe(ChannelErrorKind.Retry);
    expect(error.retryAfter).toEqual(new Date(1700050000 * 1000));
  });

  it('tells token problems from refusals of one request on 403', () => {
    expect(
      classifyTwitterError(
        responseError(403, { title: 'Forbidden', detail: 'You are not permitted to perform this action.' }),
      ).kind,
    ).toBe(ChannelErrorKind.Reauthorize);
    expect(
      classifyTwitterError(
        responseError(403, {
          title: 'Forbidden',
          detail: 'You are not allowed to create a Tweet with duplicate content.',
        }),
      ).kind,
    ).toBe(ChannelErrorKind.BadRequest);
    const enrolled = classifyTwitterError(
      responseError(403, {
        title: 'Client Forbidden',
        reason: 'client-not-enrolled',
        type: 'https://api.twitter.com/2/problems/client-forbidden',
      }),
    );
    expect(enrolled.kind).toBe(ChannelErrorKind.Fatal);
    expect(enrolled.info.code).toBe('client-not-enrolled');
  });

  it('retries 5xx and network failures, refuses other 4xx', () => {
    expect(classifyTwitterError(responseError(503, { title: 'Service Unavailable' })).kind).toBe(
      ChannelErrorKind.Retry,
    );
    expect(
      classifyTwitterError(
        new ApiRequestError('socket hang up', { request: {} as never, error: new Error('ECONNRESET') }),
      ).kind,
    ).toBe(ChannelErrorKind.Retry);
    const invalid = classifyTwitterError(
      responseError(400, { title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.' }),
    );
    expect(invalid.kind).toBe(ChannelErrorKind.BadRequest);
    expect(invalid.info).toMatchObject({ code: 400, title: 'Invalid Request' });
  });
});
