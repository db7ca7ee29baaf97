import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../../components/StatusPanel';
import { DiagramControls } from '../../components/diagram/DiagramControls';
import { enableTouchPan, focusOn, type ElementBounds, type ViewerCanvas } from '../../components/diagram/viewerCanvas';
import { paint, type DiagramServices } from './diagramOverlays';
import { drawableXml } from './drawableXml';
import type { InstanceDetail, ProcessHeatmap } from '@dealerflow/contract';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

/** Below this scale a fitted diagram's labels cannot be read. */
const READABLE_SCALE = 0.5;

/** The elements marked as where the instance waits now. */
function activeElements(services: DiagramServices): ElementBounds[] {
  return services.elementRegistry.filter((element) => (services.canvas as unknown as { hasMarker(id: string, marker: string): boolean }).hasMarker(element.id, 'instance-active')) as unknown as ElementBounds[];
}

/** The instance's diagram, read-only (pan and zoom), with its path, tokens and incidents, or the version's heatmap. */
export function InstanceDiagram({ xml, detail, heatmap }: { xml: string; detail: InstanceDetail; heatmap: ProcessHeatmap | null }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [services, setServices] = useState<DiagramServices | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** Where the instance waits now, once painted: the "current step" control shows it. */
  const [active, setActive] = useState<ElementBounds[]>([]);

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current! });
    let alive = true;
    let stopTouch = () => {};
    drawableXml(xml).then((drawable) => viewer.importXML(drawable)).then(
      () => {
        if (!alive) return;
        viewer.get<ViewerCanvas>('canvas').zoom('fit-viewport', 'auto');
        stopTouch = enableTouchPan(viewer.get<ViewerCanvas>('canvas'));
        setServices({ canvas: viewer.get('canvas'), overlays: viewer.get('overlays'), elementRegistry: viewer.get('elementRegistry') });
      },
      (error: unknown) => alive && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      alive = false;
      stopTouch();
      setServices(null);
      viewer.destroy();
    };
  }, [xml]);

  useEffect(() => {
    if (!services) return;
    paint(services, detail, heatmap, t);
    // A diagram fitted into a phone is too small to read: show where the case waits instead.
    const canvas = services.canvas as unknown as ViewerCanvas;
    const waiting = activeElements(services);
    if (canvas.viewbox().scale < READABLE_SCALE && waiting.length) focusOn(canvas, waiting);
    setActive(waiting);
  }, [services, detail, heatmap, t]);

  const canvas = services ? (services.canvas as unknown as ViewerCanvas) : null;

  return (
    <>
      {failure && <StatusPanel kind="error" title={t('instances.diagram.failed')}>{failure}</StatusPanel>}
      <div className="diagram-frame">
        <div ref={container} className={`instance-diagram${heatmap ? ' instance-diagram--heat' : ''}`} data-testid="instance-diagram" data-ready={services ? 'true' : 'false'} role="figure" aria-label={t('instances.diagram.label')} />
        <DiagramControls canvas={canvas} focus={canvas && active.length ? () => focusOn(canvas, active) : undefined} />
      </div>
    </>
  );
}
