import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../../components/StatusPanel';
import { paint, type DiagramServices } from './diagramOverlays';
import { drawableXml } from './drawableXml';
import type { InstanceDetail, ProcessHeatmap } from './types';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

/** The instance's diagram, read-only (pan and zoom), with its path, tokens and incidents, or the version's heatmap. */
export function InstanceDiagram({ xml, detail, heatmap }: { xml: string; detail: InstanceDetail; heatmap: ProcessHeatmap | null }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [services, setServices] = useState<DiagramServices | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current! });
    let alive = true;
    drawableXml(xml).then((drawable) => viewer.importXML(drawable)).then(
      () => {
        if (!alive) return;
        (viewer.get('canvas') as { zoom(level: string, center: string): void }).zoom('fit-viewport', 'auto');
        setServices({ canvas: viewer.get('canvas'), overlays: viewer.get('overlays'), elementRegistry: viewer.get('elementRegistry') });
      },
      (error: unknown) => alive && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      alive = false;
      setServices(null);
      viewer.destroy();
    };
  }, [xml]);

  useEffect(() => {
    if (services) paint(services, detail, heatmap, t);
  }, [services, detail, heatmap, t]);

  return (
    <>
      {failure && <StatusPanel kind="error" title={t('instances.diagram.failed')}>{failure}</StatusPanel>}
      <div ref={container} className={`instance-diagram${heatmap ? ' instance-diagram--heat' : ''}`} data-testid="instance-diagram" data-ready={services ? 'true' : 'false'} role="figure" aria-label={t('instances.diagram.label')} />
    </>
  );
}
