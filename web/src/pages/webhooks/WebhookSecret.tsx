import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The new subscription's signing secret, shown this once, with a copy button. */
export function WebhookSecret({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
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
    <section className="card token-secret" role="status" aria-labelledby="webhook-secret-title" data-testid="webhook-secret">
      <h2 id="webhook-secret-title">{t('webhooks.secret.title')}</h2>
      <p>{t('webhooks.secret.hint', { url })}</p>
      <div className="token-secret__row">
        <code className="token-secret__value mono" data-testid="webhook-secret-value">{secret}</code>
        <button type="button" className="button button--primary" onClick={() => void copy()}>{t('webhooks.secret.copy')}</button>
      </div>
      <p className={copied === 'failed' ? 'form-error' : 'muted'} aria-live="polite">
        {copied === 'yes' ? t('webhooks.secret.copied') : copied === 'failed' ? t('webhooks.secret.copyFailed') : ''}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>{t('webhooks.secret.done')}</button>
    </section>
  );
}
