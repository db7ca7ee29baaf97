import { createContext } from 'react';
import type { SessionUser } from '../api/types';
import type { AppAbility } from './abilityFromRules';

/** Where the session stands: still asking the server, signed out, or signed in. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason: 'not-signed-in' | 'expired' | 'signed-out' }
  | { status: 'signed-in'; user: SessionUser; ability: AppAbility };

/** The session and what can be done with it. */
export interface SessionValue {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

/** Holds the session for the whole app; provided by SessionProvider. */
export const SessionContext = createContext<SessionValue | null>(null);
