import type { TFunction } from 'i18next';
import { ApiError } from './ApiError';

/** Finds a person's display name by login; unknown logins come back as they are. */
export type NameOf = (login: string) => string;

type Details = Record<string, unknown>;

/** The one table from a server error to a sentence: the `code`, refined by what `details` says. */
function serverMessage(t: TFunction, error: ApiError, nameOf: NameOf): string {
  const details = (error.details && typeof error.details === 'object' ? error.details : {}) as Details;
  switch (error.code) {
    case 'conflict':
      if (typeof details.assignee === 'string' && details.assignee) return t('serverErrors.claimedBy', { name: nameOf(details.assignee) });
      if (typeof details.state === 'string') return t('serverErrors.taskEnded');
      if ('revision' in details) return t('serverErrors.changedMeanwhile');
      if (typeof details.savedBy === 'string') return t('serverErrors.draftSavedBy', { name: nameOf(details.savedBy) });
      if (typeof details.limit === 'number') return t('serverErrors.viewsLimit', { limit: details.limit });
      if (typeof details.productCode === 'string') return t('serverErrors.productExists', { code: details.productCode });
      return t('serverErrors.conflict');
    case 'forbidden':
      return t('serverErrors.forbidden');
    case 'self_lockout':
      return t(details.reason === 'disable_self' ? 'serverErrors.selfLockoutDisable' : 'serverErrors.selfLockoutRole');
    case 'no_administrator_left':
      return t('serverErrors.noAdministratorLeft');
    case 'not_found':
      return t('serverErrors.notFound');
    case 'validation_failed':
    case 'unauthorized':
    case 'rate_limited':
    case 'database_unavailable':
    case 'internal':
      return t(`serverErrors.${error.code}`);
    default:
      return t('serverErrors.unknown', { code: error.code });
  }
}

/** A sentence in the UI language for a failed action; people named by `nameOf` (their display name), never by login. */
export function describeError(t: TFunction, error: unknown, nameOf: NameOf = (login) => login): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('status.network');
    return serverMessage(t, error, nameOf);
  }
  return error instanceof Error ? error.message : String(error);
}
