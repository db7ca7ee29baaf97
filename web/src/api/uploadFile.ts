import { ApiError } from './ApiError';

/** Sends a file as the raw request body with its own content type; resolves the JSON answer. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' },
    body: file,
    credentials: 'same-origin',
  });
  const body = (await response.json().catch(() => null)) as (T & { code?: string; message?: string; details?: unknown }) | null;
  if (response.ok && body) return body;
  throw new ApiError(response.status, body?.code ?? `http_${response.status}`, body?.message ?? response.statusText, body?.details ?? null);
}
