/** An account as `GET /api/user-accounts` lists it, the roles there are to give, and the list answer holding both. */
export type { RoleOption, UserAccount as UserAccountRow, UserAccountList } from '@dealerflow/contract';
