/** A failure the client can understand: rendered as `{ code, message, details }` with `status`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed or fails validation; `details` names the fields. */
export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'validation_failed', message, details);
  }
}

/** 401: not signed in, or wrong credentials. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in first', code = 'unauthorized') {
    super(401, code, message);
  }
}

/** 403: signed in, may see the thing, may not do this to it. */
export class ForbiddenError extends AppError {
  constructor(message = 'You may not do this') {
    super(403, 'forbidden', message);
  }
}

/** 404: does not exist, or the user may not know it exists. */
export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super(404, 'not_found', id === undefined ? `${what} not found` : `${what} ${id} not found`, id === undefined ? undefined : { id });
  }
}

/** 409: the state changed under the caller (already done, taken by someone else). */
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}

/** 429: too many attempts; `retryAfterSeconds` goes into Retry-After. */
export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'rate_limited', message, { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
  }
}
