import type { Designer } from '@dealerflow/designer';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/ApiError';
import type { EditedForm } from '../formBuilder/formsApi';
import { markRunPath } from './pathMarkers';
import { closeRun, completeRunTask, startRun, type SandboxRun } from './sandboxApi';

/** A refusal of the whole start (lint errors, a broken form), with what the server listed. */
export interface RunProblem {
  message: string;
  details: { field: string; message: string }[];
}

/** One test run of the open diagram: start, complete tasks, close; its path is marked on the canvas while it is open. */
export function useTestRun(designer: Designer | null) {
  const [run, setRun] = useState<SandboxRun | null>(null);
  const [problem, setProblem] = useState<RunProblem | null>(null);
  const runId = useRef<string | null>(null);

  // Markers follow the run and go when it closes, the designer changes or the panel unmounts.
  useEffect(() => {
    if (!designer || !run) return;
    return markRunPath(designer, run);
  }, [designer, run]);

  const close = useCallback(() => {
    if (runId.current) void closeRun(runId.current).catch(() => undefined);
    runId.current = null;
    setRun(null);
    setProblem(null);
  }, []);
  useEffect(() => close, [close]);

  /** Starts the diagram as it is now (unsaved edits included) with the given start data and forms. */
  const start = async (variables: Record<string, unknown>, forms: EditedForm[], dealerId: string, startFields: string[]) => {
    if (!designer) return;
    close();
    const { xml } = await designer.snapshot();
    try {
      const started = await startRun({ xml, forms, variables, dealerId: dealerId || undefined });
      runId.current = started.id;
      setRun(started);
    } catch (error) {
      // Errors of start-form fields go back to the form; lint errors and broken forms are listed above it.
      const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as RunProblem['details']) : [];
      const onStartForm = details.length > 0 && details.every((d) => startFields.includes(d.field.split('.')[0]));
      if (error instanceof ApiError && error.status === 400 && !onStartForm) return setProblem({ message: error.message, details });
      throw error;
    }
  };

  /** Completes one open task; a 400 with field errors goes back to its form. */
  const complete = async (taskKey: string, variables: Record<string, unknown>) => {
    if (!run) return;
    setRun(await completeRunTask(run.id, taskKey, variables));
  };

  return { run, problem, start, complete, close };
}
