import type { SandboxRunView as SandboxRun } from '@dealerflow/contract';
import { apiFetch } from '../../../api/apiFetch';
import type { EditedForm } from '../formBuilder/formsApi';

/** A test run as `GET /api/sandbox/runs/:id` answers it. */
export type { SandboxRunView as SandboxRun } from '@dealerflow/contract';

/** Starts a test run of the draft `xml`; a 400 lists lint errors or start-form field errors. */
export const startRun = (body: { xml: string; forms: EditedForm[]; variables: Record<string, unknown>; dealerId?: string }) =>
  apiFetch<SandboxRun>('/api/sandbox/runs', { method: 'POST', body });

/** Completes a user task of the run with its form data. */
export const completeRunTask = (runId: string, taskKey: string, variables: Record<string, unknown>) =>
  apiFetch<SandboxRun>(`/api/sandbox/runs/${runId}/tasks/${taskKey}/complete`, { method: 'POST', body: { variables } });

/** Closes the run on the server. */
export const closeRun = (runId: string) => apiFetch<void>(`/api/sandbox/runs/${runId}`, { method: 'DELETE' });
