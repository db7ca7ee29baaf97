import { NotFoundError } from '../../port';
import type { DefinitionRecord, StoreTx } from '../store/EngineStore';

/**
 * Decisions are stored beside processes under this id prefix. A BPMN process id is an XML
 * NCName, which cannot contain ':', so a decision row never answers a process lookup.
 */
export const DECISION_PREFIX = 'dmn:';

/** Forms are stored beside processes under this id prefix, for the same reason. */
export const FORM_PREFIX = 'form:';

/** Whether a stored definition is a process (not a decision or a form stored beside them). */
export function isProcessDefinition(def: Pick<DefinitionRecord, 'bpmnProcessId'>): boolean {
  return !def.bpmnProcessId.includes(':');
}

/**
 * A stored decision or form (by its id prefix): the version of `key`, else the latest version of
 * `id`; NOT_FOUND naming `kind` when there is none, or the key is of another kind of definition.
 */
export async function storedDefinition(tx: StoreTx, prefix: string, kind: string, ref: { key?: string; id?: string }): Promise<DefinitionRecord> {
  const def = ref.key ? await tx.getDefinition(ref.key) : await tx.latestDefinition(prefix + (ref.id ?? ''));
  if (!def || !def.bpmnProcessId.startsWith(prefix)) throw new NotFoundError(kind, ref.key ?? ref.id ?? '');
  return def;
}
