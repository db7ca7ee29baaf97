/** Where an instance is, as the list filters it. */
export type InstanceListState = 'active' | 'completed' | 'terminated';

/** `GET /api/process-instances`: one row of the instance list. */
export interface InstanceRow {
  key: string;
  bpmnProcessId: string;
  version: number;
  state: InstanceListState;
  dealerId: string | null;
  caseRef: string | null;
  startedAt: string;
  endedAt: string | null;
  openIncidents: number;
}

/** An open incident of an instance. */
export interface InstanceIncident {
  key: string;
  processInstanceKey: string;
  elementId: string;
  type: string;
  message: string;
  jobKey?: string;
  createdAt: number;
}

/** One step of an instance's history (engine clock, epoch ms). */
export interface HistoryEntry {
  elementId: string;
  state: 'ACTIVATED' | 'COMPLETED' | 'TERMINATED';
  at: number;
}

/** `GET /api/process-instances/:key`: the instance view's data. */
export interface InstanceDetail {
  processInstanceKey: string;
  bpmnProcessId: string;
  version: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  variables: Record<string, unknown>;
  history: HistoryEntry[];
  incidents: InstanceIncident[];
  activeElementIds: string[];
  /** Active jobs of a type no plugin of ours serves: they wait for the customer's own worker. */
  waitingForWorker: { elementId: string; jobType: string }[];
  caseRef: string | null;
  dealerId: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** `GET /api/process-instances/:key/diagram`. */
export interface InstanceDiagramSource {
  bpmnProcessId: string;
  version: number;
  xml: string;
}

/** One element's traffic in `GET /api/processes/:id/heatmap`. */
export interface ElementHeat {
  elementId: string;
  entered: number;
  completed: number;
  avgDurationMs: number | null;
}

/** `GET /api/processes/:id/heatmap`. */
export interface ProcessHeatmap {
  bpmnProcessId: string;
  version: number;
  versions: number[];
  elements: ElementHeat[];
}
