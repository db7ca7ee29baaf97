import { newDiagramXml, type DesignerPlugin } from '@dealerflow/designer';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { DesignerTabs } from './DesignerTabs';
import { DesignerToolbar } from './DesignerToolbar';
import { DraftBar, type ServerPanelName } from './DraftBar';
import { ServerPanel } from './ServerPanel';
import { designerApi, type DeployedProcess } from './designerApi';
import { useServerDraft } from './useServerDraft';
import { describeError } from '../../api/describeError';
import { downloadText } from './downloadText';
import { LintIssueList } from './LintIssueList';
import { PublishedNotice, type Published } from './PublishedNotice';
import { useDesigner } from './useDesigner';
import { useLeaveGuard } from './useLeaveGuard';
import { DesignerWorkbench } from './workbench/DesignerWorkbench';
import './designer.css';
import './versions.css';

const newFileName = 'new-process.bpmn';

/** The BPMN designer: palette and canvas, the Zeebe properties panel, the toolbar and the lint findings. */
export function DesignerPage() {
  const { t, i18n } = useTranslation();
  const [plugins, setPlugins] = useState<DesignerPlugin[]>();
  useEffect(() => {
    // Without the plugin list the designer still works, only without element templates.
    designerApi.plugins().then(setPlugins, () => setPlugins([]));
  }, []);
  const { canvasRef, panelRef, designer, state, issues } = useDesigner(i18n.language === 'en' ? 'en' : 'ru', plugins);
  const [fileName, setFileName] = useState(newFileName);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const server = useServerDraft(designer);
  const [panel, setPanel] = useState<ServerPanelName | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  useLeaveGuard(state.dirty, t('designer.leave'));

  const mayDiscard = () => !state.dirty || window.confirm(t('designer.discardChanges'));

  /** Opens a diagram unless the user keeps unsaved changes; true when it opened. */
  async function open(name: string, load: () => Promise<string>): Promise<boolean> {
    if (!designer || !mayDiscard()) return false;
    try {
      const warnings = await designer.open(await load());
      setFileName(name);
      setPublished(null);
      setNotice(warnings.length ? { kind: 'info', text: t('designer.importWarnings', { count: warnings.length, first: warnings[0] }) } : null);
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: t('designer.openFailed', { name, message: (error as Error).message }) });
      return false;
    }
  }

  /** Opens a diagram that is not a server draft (a new one, a file, a shipped process). */
  const openLocal = (name: string, load: () => Promise<string>) => void open(name, load).then((opened) => opened && server.forget());

  /** Runs a server action, reporting its outcome (or its failure) in the notice line. */
  async function report(work: () => Promise<string | null>) {
    try {
      const text = await work();
      if (text) setNotice({ kind: 'info', text });
    } catch (error) {
      setNotice({ kind: 'error', text: describeError(t, error) });
    }
  }

  const serverActions = {
    saveDraft: () =>
      void report(async () => {
        const saved = await server.save();
        return saved && t('designer.drafts.savedNotice', { processId: saved.processId, revision: saved.revision });
      }),
    openDraft: (processId: string) => {
      if (!mayDiscard()) return;
      void report(async () => {
        await server.open(processId);
        setFileName(`${processId}.bpmn`);
        setPublished(null);
        setPanel(null);
        return null;
      });
    },
    openDeployed: (process: DeployedProcess) =>
      void open(`${process.processId}.bpmn`, async () => (await designerApi.version(process.processId, process.latestVersion)).xml).then((opened) => {
        if (!opened) return;
        server.forget();
        setPanel(null);
      }),
    openVersion: (version: number) => {
      const processId = designer?.processId();
      if (processId) void open(`${processId}-v${version}.bpmn`, async () => (await designerApi.version(processId, version)).xml);
    },
    deploy: () =>
      report(async () => {
        const processId = designer?.processId();
        const result = await server.deploy();
        // What the canvas shows is now that version: clean until the next edit.
        await designer?.save();
        const made = result.processes.find((p) => p.bpmnProcessId === processId) ?? result.processes[0];
        if (made) setPublished({ processId: made.bpmnProcessId, version: made.version, at: new Date().toISOString() });
        setPanel('versions');
        return null;
      }),
  };

  const actions = {
    onNew: () => openLocal(newFileName, async () => newDiagramXml()),
    onOpenFile: (file: File) => openLocal(file.name, () => file.text()),
    onSave: async () => designer && downloadText(await designer.save(), fileName),
    onUndo: () => designer?.undo(),
    onRedo: () => designer?.redo(),
  };

  return (
    <div className="designer-page">
      <PageHeader title={t('designer.title')} description={t('designer.description')} />
      <DesignerTabs />
      <DesignerToolbar state={state} fileName={fileName} disabled={!designer} actions={{ ...actions, onSave: () => void actions.onSave() }} />
      <DraftBar draft={server.draft} disabled={!designer} panel={panel} onToggle={(name) => setPanel(panel === name ? null : name)} onSaveDraft={serverActions.saveDraft} />
      {published && <PublishedNotice published={published} dirty={state.dirty} />}
      {notice && (
        <p className={`designer-notice designer-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <div className="designer-workspace">
        <div className="designer-workspace__main">
          <div ref={canvasRef} className="designer-canvas" role="region" aria-label={t('designer.canvas')} data-testid="designer-canvas" />
          <LintIssueList issues={issues} labelOf={(id) => designer?.labelOf(id) ?? id} onSelect={(id) => designer?.select(id)} />
          {designer && panel && (
            <ServerPanel panel={panel} designer={designer} blocked={issues.some((issue) => issue.category === 'error')} onOpenDraft={serverActions.openDraft} onOpenDeployed={serverActions.openDeployed} onOpenVersion={serverActions.openVersion} onDeploy={serverActions.deploy} />
          )}
        </div>
        <aside ref={panelRef} className="designer-properties" aria-label={t('designer.properties')} data-testid="designer-properties" />
      </div>
      <DesignerWorkbench designer={designer} />
    </div>
  );
}
