import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { ApprovalItem, DecisionResult, PageResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { ExportButton } from '../../export/ExportButton';
import { fetchAllPages } from '../../export/fetchAllPages';
import { LiveStatus } from '../../live/LiveStatus';
import { useTaskStream } from '../../live/useTaskStream';
import { useDealerNames } from '../useDealerNames';
import { usePeopleNames } from '../usePeopleNames';
import { approvalsExportColumns } from './approvalsExport';
import { ApprovalsTable } from './ApprovalsTable';
import { DecisionBar, type Decision } from './DecisionBar';
import { DecisionConfirm } from './DecisionConfirm';
import { useDecisionFlow } from './useDecisionFlow';
import { useQueueKeys } from './useQueueKeys';
import { ApprovalFilterBar } from './ApprovalFilterBar';
import { useApprovalFilters } from './useApprovalFilters';

const byTimeLeft = (a: ApprovalItem, b: ApprovalItem) => (a.timeLeftMs ?? Infinity) - (b.timeLeftMs ?? Infinity);

/** The approval queue, most urgent first: select tasks (or walk them with the keyboard), give a reason, decide; several at once after a confirmation. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const decidedOnTaskPage = (useLocation().state as { decided?: string } | null)?.decided;
  const { filters, setFilters, query } = useApprovalFilters();
  // The server orders the queue (by time left unless another order is chosen); pages are appended as they come.
  const { resource, reload, refresh } = useApiResource<PageResponse<ApprovalItem>>(`/api/approvals?limit=100${query ? `&${query}` : ''}`);
  const stream = useTaskStream(refresh);
  const dealerNames = useDealerNames();
  const nameOf = usePeopleNames();
  const [items, setItems] = useState<ApprovalItem[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Map<string, DecisionResult>>(new Map());
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState('');

  // Tasks decided here never come back, even if a refresh that started earlier still lists them.
  const decided = useRef(new Set<string>());
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    if (resource.status !== 'ready') return;
    const fresh = resource.data.items.filter((item) => !decided.current.has(item.key));
    setItems(fresh);
    setCursor(resource.data.nextCursor ?? null);
    // A live refresh drops decided rows; so does the selection.
    setSelected((current) => new Set([...current].filter((key) => fresh.some((item) => item.key === key))));
  }, [resource]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await apiFetch<PageResponse<ApprovalItem>>(`/api/approvals?limit=100${query ? `&${query}` : ''}&cursor=${encodeURIComponent(cursor)}`);
      setItems((current) => [...current, ...page.items.filter((item) => !current.some((known) => known.key === item.key))]);
      setCursor(page.nextCursor ?? null);
    } catch (error) {
      setSummary(describeError(t, error));
    } finally {
      setLoadingMore(false);
    }
  };

  const toggle = useCallback(
    (key: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const toggleAll = () => setSelected((current) => (items.every((item) => current.has(item.key)) ? new Set() : new Set(items.map((item) => item.key))));

  const send = async (decision: Decision, keys: string[], reason: string): Promise<boolean> => {
    setBusy(true);
    setSummary('');
    try {
      const answer = await apiFetch<{ results: DecisionResult[] }>('/api/approvals/decide', { method: 'POST', body: { taskIds: keys, decision, reason } });
      const done = new Set(answer.results.filter((result) => result.ok).map((result) => result.taskId));
      for (const key of done) decided.current.add(key);
      setResults(new Map(answer.results.map((result) => [result.taskId, result])));
      setItems((current) => current.filter((item) => !done.has(item.key)));
      setSelected((current) => new Set([...current].filter((key) => !done.has(key))));
      setSummary(t('approvals.summary', { ok: done.size, failed: answer.results.length - done.size }));
      return done.size === answer.results.length;
    } catch (error) {
      setSummary(describeError(t, error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const flow = useDecisionFlow(items, send);
  const { request } = flow;
  // The keys decide the selection, or the current row when nothing is selected.
  const onKeyDecide = useCallback((decision: Decision, current: string | undefined) => request(decision, selected.size ? [...selected] : current ? [current] : []), [request, selected]);
  const current = useQueueKeys({ keys: items.map((item) => item.key), onToggle: toggle, onDecide: onKeyDecide });

  return (
    <>
      <PageHeader
        title={t('nav.approvals')}
        description={t('approvals.description')}
        actions={
          <>
            <ExportButton<ApprovalItem>
              fileName="approvals"
              sheetName={t('nav.approvals')}
              columns={approvalsExportColumns(t, dealerNames)}
              fetchRows={async () => {
                const rows = await fetchAllPages<ApprovalItem>('/api/approvals', Object.fromEntries(new URLSearchParams(query)), 100);
                return filters.sort ? rows : rows.sort(byTimeLeft);
              }}
            />
            <button type="button" className="button button--ghost" onClick={reload}>
              {t('approvals.refresh')}
            </button>
          </>
        }
      />
      <ApprovalFilterBar filters={filters} dealers={dealerNames} onChange={setFilters} />
      <div className="list-toolbar">
        <LiveStatus stream={stream} />
      </div>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          {decidedOnTaskPage && !summary && (
            <p className="notice notice--success" role="status" data-testid="approvals-notice">
              {t('approvals.decided', { name: decidedOnTaskPage })}
            </p>
          )}
          <DecisionBar count={selected.size} busy={busy} reason={flow.reason} invalid={flow.invalid} onReason={flow.setReason} onDecide={(decision) => request(decision, [...selected])} />
          {flow.pending && <DecisionConfirm pending={flow.pending} dealerName={(id) => dealerNames.get(id) ?? id} busy={busy} onConfirm={flow.confirm} onCancel={flow.cancel} />}
          <p className="decision-summary" role="status" data-testid="decision-summary">
            {summary}
          </p>
          {items.length === 0 ? <StatusPanel kind="empty" title={t(query ? 'approvals.filters.noMatch' : 'approvals.empty')} /> : <ApprovalsTable items={items} selected={selected} results={results} onToggle={toggle} onToggleAll={toggleAll} dealerNames={dealerNames} nameOf={nameOf} current={current} />}
          {cursor && (
            <div className="table-footer">
              <button type="button" className="button button--secondary" disabled={loadingMore} onClick={() => void loadMore()}>
                {loadingMore ? t('status.loading') : t('inbox.loadMore')}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
