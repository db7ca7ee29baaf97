import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDiagramView } from '../../api/types';
import { DiagramControls } from '../../components/diagram/DiagramControls';
import { enableTouchPan, focusOn, type ElementBounds, type ViewerCanvas } from '../../components/diagram/viewerCanvas';
import { drawableXml } from '../instances/drawableXml';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './diagram.css';

interface Canvas extends ViewerCanvas {
  addMarker(elementId: string, marker: string): void;
  resized(): void;
}

/** The canvas height that shows the whole diagram at the container's width, within sensible bounds (px); taller on a phone, where a wide diagram is otherwise a strip. */
function fittingHeight(width: number, inner: { width: number; height: number }): number {
  if (!inner.width) return 240;
  return Math.round(Math.min(Math.max((width * inner.height) / inner.width + 48, width < 600 ? 300 : 160), 420));
}

/** Below this scale a fitted diagram's labels cannot be read; the view shows the current step instead. */
const READABLE_SCALE = 0.5;

interface ElementRegistry {
  get(id: string): ElementBounds | undefined;
}

/** A read-only BPMN diagram (pan and zoom) with the active step and the completed steps marked. */
export function DiagramView({ view }: { view: TaskDiagramView }) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [canvas, setCanvas] = useState<Canvas | null>(null);
  const [focus, setFocus] = useState<(() => void) | undefined>(undefined);

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: containerRef.current! });
    let live = true;
    let stopTouch = () => {};
    drawableXml(view.xml).then((drawable) => viewer.importXML(drawable)).then(
      () => {
        if (!live) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        const mark = (ids: string[], marker: string) => ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
        mark(view.completedElementIds, 'diagram-step--completed');
        mark(view.activeElementIds, 'diagram-step--active');
        const container = containerRef.current!;
        container.style.height = `${fittingHeight(container.clientWidth, canvas.viewbox().inner)}px`;
        canvas.resized();
        canvas.zoom('fit-viewport', 'auto');
        const active = view.activeElementIds.map((id) => registry.get(id)).filter((element): element is ElementBounds => !!element);
        if (active.length) {
          if (canvas.viewbox().scale < READABLE_SCALE) focusOn(canvas, active);
          setFocus(() => () => focusOn(canvas, active));
        }
        stopTouch = enableTouchPan(canvas);
        setCanvas(canvas);
      },
      (error: unknown) => {
        if (live) setFailed(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
      stopTouch();
      setCanvas(null);
      setFocus(undefined);
      viewer.destroy();
    };
  }, [view]);

  return (
    <>
      <div className="diagram-frame">
        <div ref={containerRef} className="task-diagram__canvas" role="figure" aria-label={t('task.diagram')} data-testid="task-diagram" data-ready={canvas ? 'true' : 'false'} />
        <DiagramControls canvas={canvas} focus={focus} />
      </div>
      {failed && (
        <p className="form-error" role="alert">
          {t('task.diagramFailed', { message: failed })}
        </p>
      )}
    </>
  );
}
