import { createDesigner, type Designer, type DesignerPlugin, type DesignerSnapshot, type DesignerState, type LintIssue } from '@dealerflow/designer';
import { useEffect, useRef, useState } from 'react';

const initialState: DesignerState = { canUndo: false, canRedo: false, dirty: false };

/**
 * Mounts a designer into the two returned refs, starting with a new diagram. bpmn-js reads its
 * texts once, so a language change builds a new designer that continues the open diagram.
 * `plugins` (undefined while they load) become element templates; the designer waits for them.
 */
export function useDesigner(language: 'ru' | 'en', plugins?: readonly DesignerPlugin[]) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const carried = useRef<Promise<DesignerSnapshot | null>>(Promise.resolve(null));
  const [designer, setDesigner] = useState<Designer | null>(null);
  const [state, setState] = useState<DesignerState>(initialState);
  const [issues, setIssues] = useState<LintIssue[]>([]);

  useEffect(() => {
    if (!plugins) return;
    let live = true;
    const created = createDesigner({ container: canvasRef.current!, propertiesPanel: panelRef.current!, language, plugins });
    const unsubscribe = [created.onIssues(setIssues), created.onStateChange(setState)];
    setDesigner(created);
    void carried.current.then(async (snapshot) => {
      if (!live) return;
      if (snapshot) await created.open(snapshot.xml, { dirty: snapshot.dirty });
      else await created.newDiagram();
    });
    return () => {
      live = false;
      unsubscribe.forEach((off) => off());
      setDesigner(null);
      // The old designer goes once its diagram is out; a designer that never opened one hands over nothing.
      carried.current = created
        .snapshot()
        .catch(() => null)
        .finally(() => created.destroy());
    };
  }, [language, plugins]);

  return { canvasRef, panelRef, designer, state, issues };
}
