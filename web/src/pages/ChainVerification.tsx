import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/apiFetch';
import type { AuditVerification } from '../api/types';

type Outcome = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: AuditVerification } | { status: 'failed'; message: string };

/** The "Verify chain" button and its verdict: intact, or the first broken link and why. */
export function ChainVerification() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });

  const verify = async () => {
    setOutcome({ status: 'running' });
    try {
      setOutcome({ status: 'done', result: await apiFetch<AuditVerification>('/api/audit/verify') });
    } catch (error) {
      setOutcome({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="chain-verification">
      <button type="button" className="button button--primary" onClick={() => void verify()} disabled={outcome.status === 'running'}>
        {outcome.status === 'running' ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div className="chain-verification__result" aria-live="polite" data-testid="chain-verdict">
        {outcome.status === 'done' && outcome.result.ok && (
          <p className="verdict verdict--ok">{t('audit.verifyOk', { entries: outcome.result.entries, hash: outcome.result.lastHash.slice(0, 16) + '…' })}</p>
        )}
        {outcome.status === 'done' && !outcome.result.ok && (
          <p className="verdict verdict--broken" role="alert">
            {t('audit.verifyBroken', { brokenAt: outcome.result.brokenAt, reason: outcome.result.reason, entries: outcome.result.entries })}
          </p>
        )}
        {outcome.status === 'failed' && (
          <p className="verdict verdict--broken" role="alert">
            {t('audit.verifyFailed', { message: outcome.message })}
          </p>
        )}
      </div>
    </div>
  );
}
