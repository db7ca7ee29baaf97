import { ApiError } from './ApiError';
import { notifyUnauthorized } from './onUnauthorized';

/** Options of one API call. */
export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the Dealerflow API with the session cookie; resolves the JSON body or throws an ApiError. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'same-origin',
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  const error = await toApiError(response);
  if (response.status === 401) notifyUnauthorized();
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    body?.code ?? `http_${response.status}`,
    body?.message ?? response.statusText,
    body?.details ?? null,
    Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : undefined,
  );
}
