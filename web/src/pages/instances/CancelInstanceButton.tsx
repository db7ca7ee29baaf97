import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';

/** Cancels an active instance after a second, explicit confirmation. */
export function CancelInstanceButton({ instanceKey, onCancelled }: { instanceKey: string; onCancelled: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = () => {
    setBusy(true);
    setError(null);
    apiFetch(`/api/process-instances/${encodeURIComponent(instanceKey)}/cancel`, { method: 'POST', body: {} }).then(
      () => {
        setConfirming(false);
        onCancelled();
      },
      (failure: unknown) => setError(describeError(t, failure)),
    ).finally(() => setBusy(false));
  };
  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        {t('instances.cancel.button')}
      </button>
    );
  }
  return (
    <div className="cancel-confirm" role="group" aria-label={t('instances.cancel.question')}>
      <span>{t('instances.cancel.question')}</span>
      <button type="button" className="button button--danger" onClick={cancel} disabled={busy} autoFocus>
        {busy ? t('status.loading') : t('instances.cancel.confirm')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setConfirming(false)} disabled={busy}>
        {t('instances.cancel.keep')}
      </button>
      {error && <p className="notice notice--error" role="alert">{error}</p>}
    </div>
  );
}
