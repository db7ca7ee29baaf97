import { useTranslation } from 'react-i18next';
import { zoomBy, type ViewerCanvas } from './viewerCanvas';
import './diagram-controls.css';

/**
 * Zoom buttons over a read-only diagram: in, out, the whole diagram, and (when there is one) the
 * current step at a readable size — what a phone needs, where pinching the page zooms the page.
 */
export function DiagramControls({ canvas, focus }: { canvas: ViewerCanvas | null; focus?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="diagram-controls" role="group" aria-label={t('diagram.controls')}>
      <button type="button" className="diagram-controls__button" disabled={!canvas} aria-label={t('diagram.zoomIn')} title={t('diagram.zoomIn')} onClick={() => canvas && zoomBy(canvas, 1.25)}>
        +
      </button>
      <button type="button" className="diagram-controls__button" disabled={!canvas} aria-label={t('diagram.zoomOut')} title={t('diagram.zoomOut')} onClick={() => canvas && zoomBy(canvas, 0.8)}>
        −
      </button>
      <button type="button" className="diagram-controls__button diagram-controls__button--text" disabled={!canvas} onClick={() => canvas?.zoom('fit-viewport', 'auto')}>
        {t('diagram.fit')}
      </button>
      {focus && (
        <button type="button" className="diagram-controls__button diagram-controls__button--text" disabled={!canvas} onClick={focus}>
          {t('diagram.current')}
        </button>
      )}
    </div>
  );
}
