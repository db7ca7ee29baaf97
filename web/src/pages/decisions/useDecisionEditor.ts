import { DecisionEditor, newDecisionXml, type ActiveTable, type DecisionView } from '@dealerflow/designer';
import { useEffect, useRef, useState } from 'react';

/** Mounts a decision editor into the returned ref, starting with a new decision table. */
export function useDecisionEditor() {
  const containerRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<DecisionEditor | null>(null);
  const [views, setViews] = useState<DecisionView[]>([]);
  const [dirty, setDirty] = useState(false);
  const [table, setTable] = useState<ActiveTable | null>(null);

  useEffect(() => {
    const created = new DecisionEditor(containerRef.current!);
    const unsubscribe = created.onChange(() => {
      setViews(created.views());
      setDirty(created.isDirty());
      setTable(created.activeTable());
    });
    setEditor(created);
    void created.open(newDecisionXml());
    return () => {
      unsubscribe();
      setEditor(null);
      created.destroy();
    };
  }, []);

  return { containerRef, editor, views, dirty, table };
}
