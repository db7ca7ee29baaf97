/** An error answered as the spec's problem detail (`type, title, status, detail, instance`). */
export class Problem extends Error {
  constructor(readonly status: number, readonly title: string, detail: string) {
    super(detail);
    this.name = 'Problem';
  }
}

/** A request the API refuses before it reaches the engine (400 INVALID_ARGUMENT). */
export function badRequest(detail: string): Problem {
  return new Problem(400, 'INVALID_ARGUMENT', detail);
}

/** A key or path that names nothing (404 NOT_FOUND). */
export function notFound(detail: string): Problem {
  return new Problem(404, 'NOT_FOUND', detail);
}
