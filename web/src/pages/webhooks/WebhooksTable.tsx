import { useTranslation } from 'react-i18next';
import type { NameOf } from '../../api/describeError';
import { formatDateMinutes } from '../apiTokens/formatTokenDates';
import type { WebhookRow } from './webhookTypes';

interface WebhooksTableProps {
  webhooks: WebhookRow[];
  nameOf: NameOf;
  busyId: string | null;
  selectedId: string | null;
  onToggle: (webhook: WebhookRow) => void;
  onSelect: (webhook: WebhookRow) => void;
}

/** Every subscription with its events, filters and state; each can be disabled or enabled, and its delivery log opened. */
export function WebhooksTable({ webhooks, nameOf, busyId, selectedId, onToggle, onSelect }: WebhooksTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const stateOf = (w: WebhookRow) => (w.enabled ? t('webhooks.state.enabled') : w.disabledBy === 'failures' ? t('webhooks.state.disabledFailures') : t('webhooks.state.disabledBy', { name: nameOf(w.disabledBy ?? '') }));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="webhooks-table">
        <caption className="visually-hidden">{t('webhooks.title')}</caption>
        <thead>
          <tr>{(['url', 'events', 'filter', 'created', 'state'] as const).map((column) => <th key={column} scope="col">{t(`webhooks.columns.${column}`)}</th>)}</tr>
        </thead>
        <tbody>
          {webhooks.map((w) => (
            <tr key={w.id} data-webhook={w.url} aria-selected={selectedId === w.id}>
              <td className="webhook-url mono">{w.url}</td>
              <td>{w.events.map((e) => t(`webhooks.events.${e}`, { defaultValue: e })).join(', ')}</td>
              <td>
                <div>{w.processId ? t('webhooks.processFilter', { process: w.processId }) : t('webhooks.allProcesses')}</div>
                <div className="muted">{w.dealerName ?? (w.dealerId ? w.dealerId : t('webhooks.allDealers'))}</div>
              </td>
              <td>{formatDateMinutes(w.createdAt, language)}<div className="muted">{nameOf(w.createdBy)}</div></td>
              <td>
                <div data-testid="webhook-state">{stateOf(w)}</div>
                {w.enabled && w.consecutiveFailures > 0 && <div className="muted">{t('webhooks.failuresInRow', { count: w.consecutiveFailures })}</div>}
                <span className="token-actions">
                  <button type="button" className="button button--secondary" onClick={() => onSelect(w)} aria-pressed={selectedId === w.id}>{t('webhooks.showLog')}</button>
                  <button type="button" className="button button--ghost" disabled={busyId === w.id} onClick={() => onToggle(w)}>{w.enabled ? t('webhooks.disable') : t('webhooks.enable')}</button>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
