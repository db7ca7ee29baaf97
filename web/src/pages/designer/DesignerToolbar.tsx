import type { DesignerState } from '@dealerflow/designer';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** What the toolbar asks the page to do. */
export interface DesignerActions {
  onNew(): void;
  onOpenFile(file: File): void;
  onSave(): void;
  onUndo(): void;
  onRedo(): void;
}

/** The designer's actions: new, open a file, save, undo and redo (deployed processes and drafts open from the draft bar). */
export function DesignerToolbar({ state, fileName, disabled, actions }: { state: DesignerState; fileName: string; disabled: boolean; actions: DesignerActions }) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="designer-toolbar" role="toolbar" aria-label={t('designer.toolbar')}>
      <div className="designer-toolbar__group">
        <button type="button" className="button button--secondary" disabled={disabled} onClick={actions.onNew}>
          {t('designer.new')}
        </button>
        <button type="button" className="button button--secondary" disabled={disabled} onClick={() => fileInput.current?.click()}>
          {t('designer.open')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".bpmn,.xml,application/xml,text/xml"
          hidden
          data-testid="open-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) actions.onOpenFile(file);
          }}
        />
      </div>
      <div className="designer-toolbar__group">
        <button type="button" className="button button--ghost" disabled={disabled || !state.canUndo} onClick={actions.onUndo}>
          {t('designer.undo')}
        </button>
        <button type="button" className="button button--ghost" disabled={disabled || !state.canRedo} onClick={actions.onRedo}>
          {t('designer.redo')}
        </button>
      </div>
      <div className="designer-toolbar__group designer-toolbar__group--end">
        <span className="designer-toolbar__file" data-testid="designer-file">
          <span className="mono">{fileName}</span>
          {state.dirty && <span className="designer-toolbar__dirty" title={t('designer.unsaved')} aria-label={t('designer.unsaved')} />}
        </span>
        <button type="button" className="button button--primary" disabled={disabled} onClick={actions.onSave}>
          {t('designer.save')}
        </button>
      </div>
    </div>
  );
}
