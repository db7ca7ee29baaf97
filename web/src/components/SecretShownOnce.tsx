import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  hint: string;
  secret: string;
  /** The i18n prefix of the `copy`, `copied`, `copyFailed` and `done` labels. */
  texts: 'apiTokens.secret' | 'webhooks.secret';
  /** `data-testid` of the card; the secret's own is `<testId>-value`. */
  testId: string;
  onDone: () => void;
}

/** A secret the server shows this once (an API token, a webhook's signing secret), with a copy button. */
export function SecretShownOnce({ title, hint, secret, texts, testId, onDone }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="card token-secret" role="status" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>{title}</h2>
      <p>{hint}</p>
      <div className="token-secret__row">
        <code className="token-secret__value mono" data-testid={`${testId}-value`}>{secret}</code>
        <button type="button" className="button button--primary" onClick={() => void copy()}>{t(`${texts}.copy`)}</button>
      </div>
      <p className={copied === 'failed' ? 'form-error' : 'muted'} aria-live="polite">
        {copied === 'yes' ? t(`${texts}.copied`) : copied === 'failed' ? t(`${texts}.copyFailed`) : ''}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>{t(`${texts}.done`)}</button>
    </section>
  );
}
