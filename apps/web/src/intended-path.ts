const KEY = 'civic-inbox.intended-path';

/** Single sign-on leaves the app and comes back at `/`: the URL the user opened is kept for the return. */
export function rememberIntendedPath(): void {
  const path = location.pathname + location.search;
  if (path !== '/') {
    sessionStorage.setItem(KEY, path);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

/** The remembered URL, once; only a path of this app (never another origin). */
export function takeIntendedPath(): string | null {
  const path = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return path && path.startsWith('/') && !path.startsWith('//') ? path : null;
}
