import type { TFunction } from 'i18next';
import { ApiError } from './ApiError';

/** A sentence for a failed action: conflicts, refusals and lost connections in plain words, else the server's message. */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('status.network');
    if (error.status === 409) return t('errors.conflict', { message: error.message });
    if (error.status === 403) return t('errors.forbidden', { message: error.message });
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
