import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importEsm } from '@civic/auth';

/** A person known to the test identity provider. */
export interface TestIdentity {
  login: string;
  password: string;
  email: string;
  name: string;
  groups: string[];
  /** Sent as the email_verified claim (true when left out). */
  emailVerified?: boolean;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  setRedirectUri(uri: string): void;
  close(): Promise<void>;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A real OpenID provider (oidc-provider) on loopback, with its own login and consent pages (no
 * external fonts or scripts, so a browser on it stays on loopback). Claims go into the ID token.
 */
export async function startOidcTestProvider(identities: TestIdentity[]): Promise<OidcTestProvider> {
  const { default: Provider } = await importEsm<any>('oidc-provider');
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'civic-inbox';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const client = {
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: ['http://127.0.0.1/placeholder'],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  };
  const accounts = new Map(identities.map((i) => [i.login, i]));

  let provider: any;
  const build = () => {
    provider = new Provider(issuer, {
      clients: [client],
      findAccount: (_ctx: unknown, id: string) => {
        const who = accounts.get(id);
        return (
          who && {
            accountId: id,
            claims: () => ({
              sub: id,
              email: who.email,
              email_verified: who.emailVerified ?? true,
              name: who.name,
              groups: who.groups,
            }),
          }
        );
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      cookies: { keys: ['oidc-test-cookie-key'] },
      pkce: { required: () => true },
    });
    const callback = provider.callback();
    handler = (req, res) => {
      const match = /^\/interaction\/([^/?]+)(\/(login|confirm))?/.exec(req.url ?? '');
      if (!match) {
        return callback(req, res);
      }
      interaction(req, res, match[1], match[3]).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    };
  };

  const page = (res: ServerResponse, body: string) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Test Kimlik Sağlayıcısı</title></head><body>${body}</body></html>`,
    );
  };
  const formBody = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) {
      text += chunk;
    }
    return new URLSearchParams(text);
  };

  async function interaction(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    step: string | undefined,
  ): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET' && details.prompt.name === 'login') {
      return page(
        res,
        `<h1>Belediye Kimlik Sağlayıcısı</h1><form method="post" action="/interaction/${uid}/login">
        <label>Kullanıcı adı <input name="login" autocomplete="username"></label>
        <label>Parola <input name="password" type="password" autocomplete="current-password"></label>
        <button type="submit">Oturum aç</button></form>`,
      );
    }
    if (req.method === 'GET') {
      return page(
        res,
        `<h1>İzin</h1><p>${escape(String(details.params.client_id))} hesabınıza erişmek istiyor.</p>
        <form method="post" action="/interaction/${uid}/confirm"><button type="submit">İzin ver</button></form>`,
      );
    }
    if (step === 'login') {
      const form = await formBody(req);
      const who = accounts.get(form.get('login') ?? '');
      if (!who || who.password !== form.get('password')) {
        return page(res, '<p role="alert">Kullanıcı adı veya parola hatalı</p>');
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: who.login } },
        { mergeWithLastSubmission: false },
      );
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) {
      grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    }
    if (missing.missingOIDCClaims) {
      grant.addOIDCClaims(missing.missingOIDCClaims);
    }
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  build();
  return {
    issuer,
    clientId,
    clientSecret,
    // The api's port is known only once it listens: the client is registered again with it.
    setRedirectUri(uri) {
      client.redirect_uris = [uri];
      build();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
