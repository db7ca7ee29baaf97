import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameOf } from '../../api/describeError';
import { formatDate, formatDateMinutes } from './formatTokenDates';
import { tokenState, type ApiTokenRow } from './apiTokenTypes';

interface ApiTokensTableProps {
  tokens: ApiTokenRow[];
  nameOf: NameOf;
  busyId: string | null;
  onRevoke: (token: ApiTokenRow) => void;
}

/** Every token with its account's roles, dealer, dates and state; active ones can be revoked after a confirmation. */
export function ApiTokensTable({ tokens, nameOf, busyId, onRevoke }: ApiTokensTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [confirming, setConfirming] = useState<string | null>(null);
  const when = (iso: string | null) => (iso ? formatDateMinutes(iso, language) : t('apiTokens.never'));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="api-tokens-table">
        <caption className="visually-hidden">{t('apiTokens.title')}</caption>
        <thead>
          <tr>
            {(['name', 'dealer', 'created', 'expires', 'lastUsed', 'state'] as const).map((column) => <th key={column} scope="col">{t(`apiTokens.columns.${column}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const state = tokenState(token);
            return (
              <tr key={token.id} data-token={token.name}>
                <td>
                  <strong>{token.name}</strong>
                  <div className="muted" data-testid="token-roles">{token.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ')}</div>
                </td>
                <td>{token.dealerName ?? t('apiTokens.allDealers')}</td>
                <td>{when(token.createdAt)}<div className="muted">{nameOf(token.createdBy)}</div></td>
                <td className="nowrap">{formatDate(token.expiresAt, language)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  <div data-testid="token-state">
                    {t(`apiTokens.state.${state}`)}
                    {state === 'revoked' && token.revokedBy && <div className="muted">{t('apiTokens.revokedBy', { name: nameOf(token.revokedBy) })}</div>}
                  </div>
                  {state === 'active' && confirming !== token.id && (
                    <span className="token-actions"><button type="button" className="button button--secondary" onClick={() => setConfirming(token.id)}>{t('apiTokens.revoke')}</button></span>
                  )}
                  {state === 'active' && confirming === token.id && (
                    <span className="token-actions">
                      <button type="button" className="button button--primary" disabled={busyId === token.id} onClick={() => onRevoke(token)}>{t('apiTokens.confirmRevoke')}</button>
                      <button type="button" className="button button--ghost" onClick={() => setConfirming(null)}>{t('apiTokens.cancel')}</button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
