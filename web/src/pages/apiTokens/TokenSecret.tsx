import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The new token's secret, shown this once, with a copy button. */
export function TokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
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
    <section className="card token-secret" role="status" aria-labelledby="token-secret-title" data-testid="token-secret">
      <h2 id="token-secret-title">{t('apiTokens.secret.title', { name })}</h2>
      <p>{t('apiTokens.secret.hint')}</p>
      <div className="token-secret__row">
        <code className="token-secret__value mono" data-testid="token-secret-value">{secret}</code>
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {t('apiTokens.secret.copy')}
        </button>
      </div>
      <p className={copied === 'failed' ? 'form-error' : 'muted'} aria-live="polite">
        {copied === 'yes' ? t('apiTokens.secret.copied') : copied === 'failed' ? t('apiTokens.secret.copyFailed') : ''}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        {t('apiTokens.secret.done')}
      </button>
    </section>
  );
}
