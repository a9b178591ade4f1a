/** Who passkeys are registered with: the domain (rpID) and the web origin the browser must report. */
export interface RelyingParty {
  rpID: string;
  origin: string;
}

/**
 * PUBLIC_URL decides the origin (and, unless WEBAUTHN_RP_ID is set, the rpID); without it, the origin
 * the browser used (development, tests), as for single sign-on's redirect URI.
 */
export function relyingPartyFor(
  env: { PUBLIC_URL?: string; WEBAUTHN_RP_ID?: string },
  requestOrigin: string,
): RelyingParty {
  const origin = new URL(env.PUBLIC_URL ?? requestOrigin).origin;
  return { origin, rpID: env.WEBAUTHN_RP_ID ?? new URL(origin).hostname };
}
