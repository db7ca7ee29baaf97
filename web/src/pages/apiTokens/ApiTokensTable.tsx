import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameOf } from '../../api/describeError';
import { formatDateTime } from '../../format';
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
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language) : t('apiTokens.never'));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="api-tokens-table">
        <caption className="visually-hidden">{t('apiTokens.title')}</caption>
        <thead>
          <tr>
            {(['name', 'roles', 'dealer', 'created', 'expires', 'lastUsed', 'state'] as const).map((column) => <th key={column} scope="col">{t(`apiTokens.columns.${column}`)}</th>)}
            <th scope="col"><span className="visually-hidden">{t('apiTokens.columns.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const state = tokenState(token);
            return (
              <tr key={token.id} data-token={token.name}>
                <td>{token.name}</td>
                <td>{token.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ')}</td>
                <td>{token.dealerName ?? t('apiTokens.allDealers')}</td>
                <td>{when(token.createdAt)}<div className="muted">{nameOf(token.createdBy)}</div></td>
                <td>{when(token.expiresAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td data-testid="token-state">
                  {t(`apiTokens.state.${state}`)}
                  {state === 'revoked' && token.revokedBy && <div className="muted">{t('apiTokens.revokedBy', { name: nameOf(token.revokedBy) })}</div>}
                </td>
                <td className="nowrap">
                  {state === 'active' && confirming !== token.id && (
                    <button type="button" className="button button--secondary" onClick={() => setConfirming(token.id)}>{t('apiTokens.revoke')}</button>
                  )}
                  {state === 'active' && confirming === token.id && (
                    <span className="token-confirm">
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
