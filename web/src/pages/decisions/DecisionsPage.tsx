import type { DeploymentResult } from '@dealerflow/contract';
import { newDecisionXml, type DecisionGap } from '@dealerflow/designer';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/ApiError';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import { PageHeader } from '../../components/PageHeader';
import { DesignerTabs } from '../designer/DesignerTabs';
import { downloadText } from '../designer/downloadText';
import '../designer/designer.css';
import { useLeaveGuard } from '../designer/useLeaveGuard';
import { DecisionProblems, type DecisionProblem } from './DecisionProblems';
import { DecisionReview } from './DecisionReview';
import { DecisionTestPanel } from './DecisionTestPanel';
import { useDecisionEditor } from './useDecisionEditor';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import './decisions.css';

const newFileName = 'decisions.dmn';

/** Decision tables (DMN) for business rule tasks: edit with dmn-js, save as a file, deploy as a new version. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const { containerRef, editor, views, dirty, table } = useDecisionEditor();
  const [fileName, setFileName] = useState(newFileName);
  // Kept as a message key, so it reads in the language chosen after it appeared.
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; key: string; values: Record<string, unknown> } | null>(null);
  const [problems, setProblems] = useState<DecisionProblem[]>([]);
  const [deploying, setDeploying] = useState(false);
  /** The review before a deploy, with the gaps found when it opened (null: closed). */
  const [review, setReview] = useState<DecisionGap[] | null>(null);
  useLeaveGuard(dirty, t('decisions.leave'));
  const fileInput = useRef<HTMLInputElement>(null);

  async function open(name: string, load: () => Promise<string>) {
    if (!editor || (dirty && !window.confirm(t('decisions.discardChanges')))) return;
    try {
      await editor.open(await load());
      setFileName(name);
      setNotice(null);
      setProblems([]);
      setReview(null);
    } catch (error) {
      setNotice({ kind: 'error', key: 'decisions.openFailed', values: { name, message: (error as Error).message } });
    }
  }

  async function deploy() {
    if (!editor) return;
    setDeploying(true);
    setProblems([]);
    try {
      const content = await editor.xml();
      const result = await apiFetch<DeploymentResult>('/api/deployments', { method: 'POST', body: { resources: [{ name: fileName, content }] } });
      const list = result.decisions.map((d) => `${d.decisionId} v${d.version}`).join(', ');
      // The file is on the server now: clean until the next edit.
      await editor.save();
      setReview(null);
      setNotice({ kind: 'info', key: 'decisions.deployed', values: { list } });
    } catch (error) {
      const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as DecisionProblem[]) : [];
      setProblems(details);
      // the problems are listed below the notice; otherwise the server's refusal in the reader's language
      setNotice(details.length > 0 ? { kind: 'error', key: 'decisions.deployRefused', values: {} } : { kind: 'error', key: 'decisions.deployFailed', values: { message: describeError(t, error) } });
    } finally {
      setDeploying(false);
    }
  }

  return (
    <div className="decisions-page">
      <PageHeader title={t('decisions.title')} description={t('decisions.description')} />
      <DesignerTabs />
      <div className="designer-toolbar" role="toolbar" aria-label={t('decisions.toolbar')}>
        <div className="designer-toolbar__group">
          <button type="button" className="button button--secondary" disabled={!editor} onClick={() => void open(newFileName, async () => newDecisionXml())}>
            {t('decisions.new')}
          </button>
          <button type="button" className="button button--secondary" disabled={!editor} onClick={() => fileInput.current?.click()}>
            {t('decisions.open')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".dmn,.xml,application/xml,text/xml"
            hidden
            data-testid="open-dmn-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void open(file.name, () => file.text());
            }}
          />
        </div>
        <div className="designer-toolbar__group designer-toolbar__group--end">
          <span className="designer-toolbar__file" data-testid="decisions-file">
            <span className="mono">{fileName}</span>
            {dirty && <span className="designer-toolbar__dirty" title={t('decisions.unsaved')} aria-label={t('decisions.unsaved')} />}
          </span>
          <button type="button" className="button button--secondary" disabled={!editor} onClick={() => void editor?.save().then((xml) => downloadText(xml, fileName))}>
            {t('decisions.save')}
          </button>
          <button type="button" className={`button button--primary${review ? ' button--pressed' : ''}`} aria-pressed={review !== null} disabled={!editor || deploying} onClick={() => setReview(review || !editor ? null : editor.gaps())}>
            {t('decisions.review.open')}
          </button>
        </div>
      </div>
      {views.length > 1 && (
        <nav className="decision-views" aria-label={t('decisions.views')}>
          {views.map((view) => (
            <button key={`${view.type}:${view.id}`} type="button" className={`decision-views__tab${view.active ? ' decision-views__tab--active' : ''}`} aria-pressed={view.active} onClick={() => void editor?.openView(view.id, view.type)}>
              {t(`decisions.viewType.${view.type}`)}: {view.name}
            </button>
          ))}
        </nav>
      )}
      {notice && (
        <p className={`designer-notice designer-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {t(notice.key, notice.values)}
        </p>
      )}
      {review && editor && <DecisionReview fileName={fileName} xml={() => editor.xml()} gaps={review} busy={deploying} onDeploy={() => void deploy()} />}
      <DecisionProblems problems={problems} />
      <div ref={containerRef} className="decision-editor" role="region" aria-label={t('decisions.editor')} data-testid="decision-editor" />
      <DecisionTestPanel editor={editor} table={table} container={containerRef} onProblems={setProblems} />
    </div>
  );
}
