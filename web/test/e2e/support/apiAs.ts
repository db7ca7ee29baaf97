/** Calls the API as a demo user from the test (a second person acting while the browser watches). */
export type ApiCall = <T = unknown>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/** Signs `username` in (password `demo`) and returns a caller that sends that session's cookie. */
export async function apiAs(baseUrl: string, username: string): Promise<ApiCall> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (login.status !== 200) throw new Error(`login as ${username} failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T,>(method: string, path: string, body?: unknown) => {
    const response = await fetch(baseUrl + path, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
