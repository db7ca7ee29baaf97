import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/apiFetch';
import { onUnauthorized } from '../api/onUnauthorized';
import type { MeResponse } from '../api/types';
import { languages, storedLanguage, toLanguage } from '../i18n/languages';
import { abilityFromRules } from './abilityFromRules';
import { SessionContext, type SessionState, type SessionValue } from './SessionContext';

/** Asks the server who is signed in, and keeps the answer for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback(
    (me: MeResponse) => {
      // The device's own choice wins; the user's profile locale is only the default.
      if (!storedLanguage()) void i18n.changeLanguage(toLanguage(me.user.locale) ?? languages[0]);
      setState({ status: 'signed-in', user: me.user, ability: abilityFromRules(me.rules) });
    },
    [i18n],
  );

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<MeResponse>('/api/me', { signal: controller.signal }).then(adopt, () => {
      if (!controller.signal.aborted) setState({ status: 'anonymous', reason: 'not-signed-in' });
    });
    return () => controller.abort();
  }, [adopt]);

  useEffect(
    () => onUnauthorized(() => setState((current) => (current.status === 'signed-in' ? { status: 'anonymous', reason: 'expired' } : current))),
    [],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      await apiFetch('/api/auth/login', { method: 'POST', body: { username, password } });
      adopt(await apiFetch<MeResponse>('/api/me'));
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await apiFetch('/api/auth/logout', { method: 'POST' });
    } finally {
      setState({ status: 'anonymous', reason: 'signed-out' });
    }
  }, []);

  const value = useMemo<SessionValue>(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
