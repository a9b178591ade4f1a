import { startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { ApiError } from './api-error';
import type { TokenResponse, TwoFactorChallenge } from './types';

const STORAGE_KEY = 'civic-inbox.session';

export { ApiError } from './api-error';

type Listener = (session: TokenResponse | null) => void;

/**
 * Holds the tokens (sessionStorage: gone with the tab) and calls the API with them; a 401 trades the
 * refresh token for new ones once, concurrent callers share that one refresh.
 */
export class ApiClient {
  private session: TokenResponse | null = readStored();
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<Listener>();

  get current(): TokenResponse | null {
    return this.session;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Signs in, or returns the two-factor challenge that completeTwoFactor() answers. */
  async signIn(email: string, password: string): Promise<TwoFactorChallenge | null> {
    const answer = await this.raw<TokenResponse | TwoFactorChallenge>(
      '/api/v1/auth/login',
      { method: 'POST', body: JSON.stringify({ email, password }) },
      null,
    );
    if ('twoFactorRequired' in answer) {
      return answer;
    }
    this.set(answer);
    return null;
  }

  async completeTwoFactor(challengeToken: string, proof: { code: string } | { recoveryCode: string }): Promise<void> {
    this.set(
      await this.raw<TokenResponse>(
        '/api/v1/auth/login/two-factor',
        { method: 'POST', body: JSON.stringify({ challengeToken, ...proof }) },
        null,
      ),
    );
  }

  /** The second step with a passkey: the browser asks the authenticator to sign the server's challenge. */
  async completeWithPasskey(challengeToken: string): Promise<void> {
    const optionsJSON = await this.raw<PublicKeyCredentialRequestOptionsJSON>(
      '/api/v1/auth/login/passkey/options',
      { method: 'POST', body: JSON.stringify({ challengeToken }) },
      null,
    );
    const credential = await startAuthentication({ optionsJSON });
    this.set(
      await this.raw<TokenResponse>(
        '/api/v1/auth/login/passkey',
        { method: 'POST', body: JSON.stringify({ challengeToken, credential }) },
        null,
      ),
    );
  }

  /** After enrolment the same tokens work everywhere; only the flag the app routes by changes. */
  markTwoFactorEnrolled(): void {
    if (this.session) {
      this.set({ ...this.session, user: { ...this.session.user, twoFactorEnrolmentRequired: false } });
    }
  }

  /** Single sign-on: trades the one-time code of the sign-in redirect for the tokens. */
  async signInWithSsoCode(code: string): Promise<void> {
    this.set(
      await this.raw<TokenResponse>(
        '/api/v1/auth/sso/exchange',
        { method: 'POST', body: JSON.stringify({ code }) },
        null,
      ),
    );
  }

  async signOut(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    this.set(null);
    if (refreshToken) {
      await this.raw('/api/v1/auth/logout', { method: 'POST', body: JSON.stringify({ refreshToken }) }, null).catch(
        () => undefined,
      );
    }
  }

  async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    try {
      return await this.raw<T>(path, init, this.session?.accessToken ?? null);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || !this.session) {
        throw error;
      }
      if (!(await this.refresh())) {
        throw error;
      }
      return this.raw<T>(path, init, this.session.accessToken);
    }
  }

  /** A fresh access token, for URLs that cannot carry a header (EventSource, downloads). */
  async freshToken(): Promise<string | null> {
    if (!this.session) {
      return null;
    }
    await this.refresh();
    return this.session?.accessToken ?? null;
  }

  refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      const refreshToken = this.session?.refreshToken;
      if (!refreshToken) {
        return false;
      }
      try {
        const next = await this.raw<TokenResponse>(
          '/api/v1/auth/refresh',
          { method: 'POST', body: JSON.stringify({ refreshToken }) },
          null,
        );
        this.set({ ...next, user: next.user ?? this.session!.user });
        return true;
      } catch {
        this.set(null);
        return false;
      }
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private set(session: TokenResponse | null): void {
    this.session = session;
    if (session) {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } else {
      sessionStorage.removeItem(STORAGE_KEY);
    }
    for (const listener of this.listeners) {
      listener(session);
    }
  }

  private async raw<T>(path: string, init: RequestInit, token: string | null): Promise<T> {
    const headers = new Headers(init.headers);
    if (init.body && !headers.has('content-type')) {
      headers.set('content-type', 'application/json');
    }
    if (token) {
      headers.set('authorization', `Bearer ${token}`);
    }
    // The API words its error messages in the user's chosen language (i18n.tsx keeps the choice).
    if (!headers.has('accept-language')) {
      headers.set('accept-language', localStorage.getItem('civic-inbox.language') === 'en' ? 'en' : 'tr');
    }
    const response = await fetch(path, { ...init, headers });
    const text = await response.text();
    const body: unknown = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (!response.ok) {
      const message = (body as { message?: unknown })?.message;
      throw new ApiError(
        response.status,
        Array.isArray(message) ? message.join('; ') : String(message ?? response.statusText),
        body,
      );
    }
    return body as T;
  }
}

function readStored(): TokenResponse | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return stored ? (JSON.parse(stored) as TokenResponse) : null;
  } catch {
    return null;
  }
}

export const api = new ApiClient();
