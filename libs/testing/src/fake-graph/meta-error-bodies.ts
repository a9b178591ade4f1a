/** A canned Graph API failure: HTTP status, Meta's error body, optional headers. */
export interface FakeGraphFailure {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const trace = () => `A${Math.random().toString(36).slice(2, 12)}`;

const graphError = (
  status: number,
  error: Record<string, unknown>,
  headers?: Record<string, string>,
): FakeGraphFailure => ({
  status,
  body: { error: { ...error, fbtrace_id: trace() } },
  headers,
});

/** Meta's real error bodies, as the Graph API and the WhatsApp Cloud API return them. */
export const META_FAILURES = {
  /** 190/463: the page or system-user token expired. */
  tokenExpired: () =>
    graphError(400, {
      message:
        'Error validating access token: Session has expired on Friday, 09-Feb-24 07:00:00 PST. The current time is Friday, 09-Feb-24 08:12:31 PST.',
      type: 'OAuthException',
      code: 190,
      error_subcode: 463,
    }),
  /** 190 without subcode: a token Meta cannot parse or that was revoked. */
  tokenInvalid: () =>
    graphError(400, {
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
    }),
  /** 4: application-level throttling. */
  appRateLimit: () =>
    graphError(400, {
      message: '(#4) Application request limit reached',
      type: 'OAuthException',
      is_transient: true,
      code: 4,
    }),
  /** 17: user-level throttling. */
  userRateLimit: () =>
    graphError(400, {
      message: '(#17) User request limit reached',
      type: 'OAuthException',
      is_transient: true,
      code: 17,
      error_subcode: 2446079,
    }),
  /** 32: page-level throttling, with the business-use-case header that says when access returns. */
  pageRateLimit: (minutesToRegain = 7) =>
    graphError(
      400,
      { message: '(#32) Page request limit reached', type: 'OAuthException', code: 32, error_subcode: 2446079 },
      {
        'x-business-use-case-usage': JSON.stringify({
          '206070979425408': [
            {
              type: 'pages',
              call_count: 100,
              total_cputime: 40,
              total_time: 60,
              estimated_time_to_regain_access: minutesToRegain,
            },
          ],
        }),
      },
    ),
  /** 130429: WhatsApp Cloud API throughput reached. */
  whatsappRateLimit: () =>
    graphError(400, {
      message: '(#130429) Rate limit hit',
      type: 'OAuthException',
      code: 130429,
      error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
    }),
  /** 131047: free-form WhatsApp message outside the 24 h customer-service window. */
  reEngagement: () =>
    graphError(400, {
      message: '(#131047) Re-engagement message',
      type: 'OAuthException',
      code: 131047,
      error_data: {
        messaging_product: 'whatsapp',
        details:
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      },
    }),
  /** 100: invalid parameter. */
  invalidParameter: (message = '(#100) Invalid parameter') =>
    graphError(400, { message, type: 'OAuthException', code: 100 }),
  /** An unexpected server error (Meta answers 500 with code 1 or 2). */
  serverError: () =>
    graphError(500, {
      message: 'An unexpected error has occurred. Please retry your request later.',
      type: 'OAuthException',
      is_transient: true,
      code: 2,
    }),
  /** A plain 503 from a proxy in front of the Graph API (no Meta body). */
  serviceUnavailable: (): FakeGraphFailure => ({ status: 503, body: 'Service Unavailable' }),
} as const;
