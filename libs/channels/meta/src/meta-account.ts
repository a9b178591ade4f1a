import type { ChannelAccountContext } from '@civic/channels-core';
import { ChannelError, ChannelErrorKind } from '@civic/channels-core';

/** The Graph token of a connected account: Facebook `{pageAccessToken}`, Instagram/WhatsApp `{accessToken}`. */
export function metaAccessToken(account: ChannelAccountContext): string {
  const token = account.credentials.pageAccessToken ?? account.credentials.accessToken;
  if (!token) {
    throw new ChannelError(ChannelErrorKind.Reauthorize, {
      title: 'Account has no access token',
      detail: `Connect the ${account.channel} account again with a valid token.`,
    });
  }
  return token;
}
