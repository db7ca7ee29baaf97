import { newDiagramXml } from '@dealerflow/designer';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { DesignerTabs } from './DesignerTabs';
import { DesignerToolbar } from './DesignerToolbar';
import { downloadText } from './downloadText';
import { LintIssueList } from './LintIssueList';
import { shippedDiagrams } from './shippedDiagrams';
import { useDesigner } from './useDesigner';
import { DesignerWorkbench } from './workbench/DesignerWorkbench';
import './designer.css';

const newFileName = 'new-process.bpmn';

/** The BPMN designer: palette and canvas, the Zeebe properties panel, the toolbar and the lint findings. */
export function DesignerPage() {
  const { t, i18n } = useTranslation();
  const { canvasRef, panelRef, designer, state, issues } = useDesigner(i18n.language === 'en' ? 'en' : 'ru');
  const [fileName, setFileName] = useState(newFileName);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const mayDiscard = () => !state.dirty || window.confirm(t('designer.discardChanges'));

  async function open(name: string, load: () => Promise<string>) {
    if (!designer || !mayDiscard()) return;
    try {
      const warnings = await designer.open(await load());
      setFileName(name);
      setNotice(warnings.length ? { kind: 'info', text: t('designer.importWarnings', { count: warnings.length, first: warnings[0] }) } : null);
    } catch (error) {
      setNotice({ kind: 'error', text: t('designer.openFailed', { name, message: (error as Error).message }) });
    }
  }

  const actions = {
    onNew: () => void open(newFileName, async () => newDiagramXml()),
    onOpenFile: (file: File) => void open(file.name, () => file.text()),
    onOpenWarranty: () => void open(shippedDiagrams.warrantyClaim.fileName, async () => shippedDiagrams.warrantyClaim.xml),
    onSave: async () => designer && downloadText(await designer.save(), fileName),
    onUndo: () => designer?.undo(),
    onRedo: () => designer?.redo(),
  };

  return (
    <div className="designer-page">
      <PageHeader title={t('designer.title')} description={t('designer.description')} />
      <DesignerTabs />
      <DesignerToolbar state={state} fileName={fileName} disabled={!designer} actions={{ ...actions, onSave: () => void actions.onSave() }} />
      {notice && (
        <p className={`designer-notice designer-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <div className="designer-workspace">
        <div className="designer-workspace__main">
          <div ref={canvasRef} className="designer-canvas" role="region" aria-label={t('designer.canvas')} data-testid="designer-canvas" />
          <LintIssueList issues={issues} labelOf={(id) => designer?.labelOf(id) ?? id} onSelect={(id) => designer?.select(id)} />
        </div>
        <aside ref={panelRef} className="designer-properties" aria-label={t('designer.properties')} data-testid="designer-properties" />
      </div>
      <DesignerWorkbench designer={designer} />
    </div>
  );
}
