// How this tab proves who it is: a member's session cookie (set HttpOnly by POST /auth/login, so the
// page only remembers that it has one) or an API token pasted by the user, kept for this tab only.
export type Session =
  | { kind: 'cookie'; member: { email?: string; name?: string } }
  | { kind: 'token'; token: string };

const key = 'mediagraph.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session | null): void {
  if (s) sessionStorage.setItem(key, JSON.stringify(s));
  else sessionStorage.removeItem(key);
}

/** The headers every GraphQL request of the session carries; the cookie itself goes by the browser. */
export function authHeaders(s: Session): Record<string, string> {
  return s.kind === 'token' ? { Authorization: `Bearer ${s.token}` } : { 'X-Mediagraph-CSRF': '1' };
}

/** POSTs JSON to one of the /auth routes, throwing the body's coded error on refusal. */
export async function postAuth(path: string, body: unknown): Promise<any> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Mediagraph-CSRF': '1' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = {};
  }
  if (!res.ok) {
    const err = new Error(json.message ?? `HTTP ${res.status}`) as Error & { code?: string };
    err.code = json.code ?? res.headers.get('Mediagraph-Error-Code') ?? `HTTP_${res.status}`;
    throw err;
  }
  return json;
}
