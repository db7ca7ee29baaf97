import type { DefinitionsDiff, DesignerPlugin } from '@dealerflow/designer';
import { ApiError } from '../../api/ApiError';
import { apiFetch } from '../../api/apiFetch';
import type { DeploymentResource, DeploymentResult, DraftDocument, DraftSave, DraftSummary, PluginDescriptor, VersionDiff, VersionDocument, VersionSummary } from '@dealerflow/contract';

export type { DeployedProcess, DeploymentResult, DraftDocument, DraftSummary, VersionDocument, VersionSummary } from '@dealerflow/contract';

const versionsOf = (processId: string) => `/api/processes/${encodeURIComponent(processId)}/versions`;

/** The designer's calls to the server: drafts, versions, deployments and plugins. */
export const designerApi = {
  drafts: async () => (await apiFetch<{ items: DraftSummary[] }>('/api/designer/drafts')).items,
  draft: (processId: string) => apiFetch<DraftDocument>(`/api/designer/drafts/${encodeURIComponent(processId)}`),
  saveDraft: (processId: string, body: DraftSave) =>
    apiFetch<DraftDocument>(`/api/designer/drafts/${encodeURIComponent(processId)}`, { method: 'PUT', body }),
  versions: async (processId: string) => (await apiFetch<{ items: VersionSummary[] }>(versionsOf(processId))).items,
  version: (processId: string, version: number) => apiFetch<VersionDocument>(`${versionsOf(processId)}/${version}`),
  diff: (processId: string, version: number) => apiFetch<Omit<VersionDiff, 'diff'> & { diff: DefinitionsDiff }>(`${versionsOf(processId)}/${version}/diff`),
  rollback: (processId: string, version: number) => apiFetch<DeploymentResult>(`${versionsOf(processId)}/${version}/rollback`, { method: 'POST' }),
  deploy: (resources: DeploymentResource[]) => apiFetch<DeploymentResult>('/api/deployments', { method: 'POST', body: { resources } }),
  /** A form as the form builder has it (its draft when that differs from the deployed one); null when unknown. */
  builderForm: async (formId: string): Promise<{ id: string } | null> => {
    try {
      return (await apiFetch<{ form: { id: string } }>(`/api/forms/${encodeURIComponent(formId)}`)).form;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  /** The registered plugins, in the designer's terms. */
  plugins: async (): Promise<DesignerPlugin[]> =>
    (await apiFetch<{ items: PluginDescriptor[] }>('/api/plugins')).items.map((plugin) => ({
      taskType: plugin.taskType,
      name: plugin.title,
      description: plugin.description,
      input: plugin.input,
      output: plugin.output,
    })),
};
