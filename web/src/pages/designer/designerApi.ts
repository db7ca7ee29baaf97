import type { DefinitionsDiff, DesignerPlugin } from '@dealerflow/designer';
import { ApiError } from '../../api/ApiError';
import { apiFetch } from '../../api/apiFetch';

/** A saved draft as listed. */
export interface DraftSummary {
  processId: string;
  name: string;
  revision: number;
  savedBy: string;
  savedAt: string;
}

/** A draft with its diagram and forms. */
export interface DraftDocument extends DraftSummary {
  xml: string;
  forms: { id: string }[];
}

/** A deployed process as the open list shows it. */
export interface DeployedProcess {
  processId: string;
  name: string;
  latestVersion: number;
  versions: number;
  deployedAt: string;
  deployedBy: string;
}

/** A deployed version as listed. */
export interface VersionSummary {
  version: number;
  name: string;
  resourceName: string;
  deployedAt: string;
  deployedBy: string;
  checksum: string | null;
}

/** A deployed version with its BPMN and linked forms. */
export interface VersionDocument extends VersionSummary {
  xml: string;
  forms: { id: string }[];
}

/** What a deployment answered. */
export interface DeploymentResult {
  processes: { bpmnProcessId: string; version: number }[];
}

const versionsOf = (processId: string) => `/api/processes/${encodeURIComponent(processId)}/versions`;

/** The designer's calls to the server: drafts, versions, deployments and plugins. */
export const designerApi = {
  drafts: async () => (await apiFetch<{ items: DraftSummary[] }>('/api/designer/drafts')).items,
  draft: (processId: string) => apiFetch<DraftDocument>(`/api/designer/drafts/${encodeURIComponent(processId)}`),
  saveDraft: (processId: string, body: { xml: string; forms: object[]; revision: number }) =>
    apiFetch<DraftDocument>(`/api/designer/drafts/${encodeURIComponent(processId)}`, { method: 'PUT', body }),
  versions: async (processId: string) => (await apiFetch<{ items: VersionSummary[] }>(versionsOf(processId))).items,
  version: (processId: string, version: number) => apiFetch<VersionDocument>(`${versionsOf(processId)}/${version}`),
  diff: (processId: string, version: number) => apiFetch<{ version: number; against: number | null; diff: DefinitionsDiff }>(`${versionsOf(processId)}/${version}/diff`),
  rollback: (processId: string, version: number) => apiFetch<DeploymentResult>(`${versionsOf(processId)}/${version}/rollback`, { method: 'POST' }),
  deploy: (resources: { name: string; content: string }[]) => apiFetch<DeploymentResult>('/api/deployments', { method: 'POST', body: { resources } }),
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
    (await apiFetch<{ items: { taskType: string; title: string; description: string; input: object; output: object }[] }>('/api/plugins')).items.map((plugin) => ({
      taskType: plugin.taskType,
      name: plugin.title,
      description: plugin.description,
      input: plugin.input,
      output: plugin.output,
    })),
};
