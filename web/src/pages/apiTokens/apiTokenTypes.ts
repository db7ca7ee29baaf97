import type { ApiToken } from '@dealerflow/contract';

/** An API token as `GET /api/api-tokens` lists it (never its secret), and the answer to creating one: the only time its secret is shown. */
export type { ApiToken as ApiTokenRow, CreatedApiToken } from '@dealerflow/contract';

/** The roles an admin may give a service account, in the order the form offers them. */
export const tokenRoles = ['integration', 'dealer-staff', 'dealer-manager', 'distributor-approver', 'auditor', 'process-admin'] as const;

/** Whether a token still works, has expired, or was revoked. */
export function tokenState(token: ApiToken, now = Date.now()): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}
