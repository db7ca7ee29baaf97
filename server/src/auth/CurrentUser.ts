import type { AppAbility } from '../permissions/RoleRule';

/** The signed-in user as the rest of the server sees it. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  dealerId: string | null;
  roles: string[];
  groups: string[];
  locale: string;
  /** What the user may do; its `rules` are packed for the web app by /api/me. */
  ability: AppAbility;
}

/** Candidate groups a user belongs to: role names plus extra groups (see DESIGN.md). */
export function candidateGroupsOf(user: Pick<CurrentUser, 'roles' | 'groups'>): string[] {
  return [...new Set([...user.roles, ...user.groups])];
}
