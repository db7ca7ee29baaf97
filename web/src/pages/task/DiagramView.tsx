import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDiagramView } from '../../api/types';
import { drawableXml } from '../instances/drawableXml';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './diagram.css';

interface Canvas {
  zoom(level: 'fit-viewport', center?: 'auto'): number;
  addMarker(elementId: string, marker: string): void;
  resized(): void;
  viewbox(): { inner: { width: number; height: number } };
}

/** The canvas height that shows the whole diagram at the container's width, within sensible bounds (px). */
function fittingHeight(width: number, inner: { width: number; height: number }): number {
  if (!inner.width) return 240;
  return Math.round(Math.min(Math.max((width * inner.height) / inner.width + 48, 160), 420));
}
interface ElementRegistry {
  get(id: string): unknown;
}

/** A read-only BPMN diagram (pan and zoom) with the active step and the completed steps marked. */
export function DiagramView({ view }: { view: TaskDiagramView }) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: containerRef.current! });
    let live = true;
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
      },
      (error: unknown) => {
        if (live) setFailed(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [view]);

  return (
    <>
      <div ref={containerRef} className="task-diagram__canvas" role="figure" aria-label={t('task.diagram')} data-testid="task-diagram" />
      {failed && (
        <p className="form-error" role="alert">
          {t('task.diagramFailed', { message: failed })}
        </p>
      )}
    </>
  );
}
