/**
 * Routes that belong to a person's browser session, not to a service account: signing in and
 * out, the live task stream (bound to a session) and saved views (kept per person). A bearer
 * token calling them gets 403 rather than a half-working answer.
 */
const peopleOnly = [/^\/api\/auth\//, /^\/api\/me\/views(\/|$)/, /^\/api\/tasks\/stream$/];

/** Whether `path` is only for people signed in with a session. */
export function isPeopleOnlyPath(path: string): boolean {
  return peopleOnly.some((pattern) => pattern.test(path));
}
