/** An API token as `GET /api/api-tokens` lists it (never its secret). */
export interface ApiTokenRow {
  id: string;
  name: string;
  roles: string[];
  dealerId: string | null;
  dealerName: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** The answer to creating a token: the only time its secret is shown. */
export interface CreatedApiToken {
  token: ApiTokenRow;
  secret: string;
}

/** The roles an admin may give a service account, in the order the form offers them. */
export const tokenRoles = ['integration', 'dealer-staff', 'dealer-manager', 'distributor-approver', 'auditor', 'process-admin'] as const;

/** Whether a token still works, has expired, or was revoked. */
export function tokenState(token: ApiTokenRow, now = Date.now()): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}
