import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { useSession } from '../session/useSession';
import { useCountdown } from '../useCountdown';

type Failure =
  | { kind: 'missing' | 'invalidCredentials' | 'network' }
  | { kind: 'rateLimited'; waitKnown: boolean }
  | { kind: 'unexpected'; message: string };

/** Username and password; Enter submits; errors are announced and stay next to the form. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const { secondsLeft, start } = useCountdown();
  const usernameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || secondsLeft > 0) return;
    if (!username.trim() || !password) {
      setFailure({ kind: 'missing' });
      (username.trim() ? passwordInput : usernameInput).current?.focus();
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      onSignedIn();
    } catch (error) {
      setSubmitting(false);
      setFailure(toFailure(error));
      if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) start(error.retryAfterSeconds);
      if (error instanceof ApiError && error.status === 401) {
        setPassword('');
        passwordInput.current?.focus();
      }
    }
  };

  const message = failure && describe(failure, secondsLeft, t);
  const blocked = failure?.kind === 'rateLimited' && secondsLeft > 0;
  const invalid = failure?.kind === 'invalidCredentials' || failure?.kind === 'missing';

  return (
    <form className="sign-in-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor="sign-in-username">{t('signIn.username')}</label>
        <input
          id="sign-in-username"
          ref={usernameInput}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={username}
          aria-invalid={invalid && !username.trim() ? true : undefined}
          aria-describedby={message ? 'sign-in-error' : undefined}
          onChange={(event) => setUsername(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">{t('signIn.password')}</label>
        <input
          id="sign-in-password"
          ref={passwordInput}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={message ? 'sign-in-error' : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <div id="sign-in-error" className="form-error" role="alert">
        {message}
      </div>
      <button type="submit" className="button button--primary button--block" disabled={submitting || blocked}>
        {submitting ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}

function toFailure(error: unknown): Failure {
  if (!(error instanceof ApiError)) return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
  if (error.status === 401) return { kind: 'invalidCredentials' };
  if (error.status === 429) return { kind: 'rateLimited', waitKnown: error.retryAfterSeconds !== undefined };
  if (error.status === 0) return { kind: 'network' };
  if (error.code === 'validation_failed') return { kind: 'missing' };
  return { kind: 'unexpected', message: error.message };
}

function describe(failure: Failure, secondsLeft: number, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  switch (failure.kind) {
    case 'rateLimited':
      // Once the announced wait is over the message has done its job and goes away.
      if (!failure.waitKnown) return t('signIn.errors.rateLimitedNoTime');
      return secondsLeft > 0 ? t('signIn.errors.rateLimited', { seconds: secondsLeft }) : null;
    case 'unexpected':
      return t('signIn.errors.unexpected', { message: failure.message });
    default:
      return t(`signIn.errors.${failure.kind}`);
  }
}
