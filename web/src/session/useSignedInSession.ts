import type { SessionUser } from '../api/types';
import type { AppAbility } from './abilityFromRules';
import { useSession } from './useSession';

/** The signed-in user and ability; only below RequireSession, which guarantees a session. */
export function useSignedInSession(): { user: SessionUser; ability: AppAbility } {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInSession must be used below <RequireSession>');
  return state;
}
