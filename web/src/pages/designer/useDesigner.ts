import { createDesigner, type Designer, type DesignerState, type LintIssue } from '@dealerflow/designer';
import { useEffect, useRef, useState } from 'react';

const initialState: DesignerState = { canUndo: false, canRedo: false, dirty: false };

/** Mounts a designer into the two returned refs for the life of the component, starting with a new diagram. */
export function useDesigner() {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [designer, setDesigner] = useState<Designer | null>(null);
  const [state, setState] = useState<DesignerState>(initialState);
  const [issues, setIssues] = useState<LintIssue[]>([]);

  useEffect(() => {
    const created = createDesigner({ container: canvasRef.current!, propertiesPanel: panelRef.current! });
    const unsubscribe = [created.onIssues(setIssues), created.onStateChange(setState)];
    setDesigner(created);
    void created.newDiagram();
    return () => {
      unsubscribe.forEach((off) => off());
      created.destroy();
      setDesigner(null);
    };
  }, []);

  return { canvasRef, panelRef, designer, state, issues };
}
