/**
 * Drives an OpenID Connect sign-in with plain HTTP, as a browser would: follows redirects with one
 * cookie jar for 127.0.0.1 (cookies ignore ports), fills in the provider's login form and posts its
 * consent form. Returns the URL the api finally redirects to (the web app, with a fragment).
 */
export async function signInThroughProvider(
  startUrl: string,
  login: string,
  password: string,
  options: { dropFlowCookie?: boolean } = {},
): Promise<URL> {
  const jar = new Map<string, { value: string; path: string }>();
  const cookieHeader = (url: URL) =>
    [...jar.entries()]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((p) => p.trim());
      const [name, ...value] = pair.split('=');
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()),
      );
      if (expired || value.join('=') === '') {
        jar.delete(name);
      } else {
        jar.set(name, { value: value.join('='), path });
      }
    }
    if (options.dropFlowCookie) {
      jar.delete('civic_sso_flow');
    }
  };
  const apiOrigin = new URL(startUrl).origin;
  let url = new URL(startUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(url) },
    });
    remember(res);
    init = {};
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      // Back at the web app: the api's last redirect.
      if (next.origin === apiOrigin && !next.pathname.startsWith('/api/')) {
        return next;
      }
      url = next;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) {
      throw new Error(`${url} answered ${res.status}: ${html.slice(0, 300)}`);
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) {
      throw new Error(`No form on ${url}: ${html.slice(0, 300)}`);
    }
    const body = action.endsWith('/login') ? new URLSearchParams({ login, password }).toString() : '';
    url = new URL(action, url);
    init = { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('Too many redirects');
}
