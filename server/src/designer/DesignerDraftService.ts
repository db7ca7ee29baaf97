import { readDefinitions } from '@dealerflow/designer/lint/node';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { ConflictError, NotFoundError, ValidationError } from '../errors/AppError';
import { assertDesigner } from './designerAccess';
import { DesignerDraft } from './DesignerDraft';

/** A draft as the API lists it. */
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
  forms: object[];
}

/** What a save sends: the diagram, its forms, and the revision the editor started from (0 for a new draft). */
export interface DraftSave {
  xml: string;
  forms: object[];
  revision: number;
}

interface RootElement {
  id?: string;
  name?: unknown;
  $instanceOf(type: string): boolean;
}

function summaryOf(draft: DesignerDraft): DraftSummary {
  return { processId: draft.processId, name: draft.name, revision: draft.revision, savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString() };
}

/** The name of the process `processId` in `xml`; a 400 when the XML is not BPMN or does not define it. */
async function processNameIn(xml: string, processId: string): Promise<string> {
  let roots: RootElement[];
  try {
    roots = ((await readDefinitions(xml)).definitions.rootElements ?? []) as RootElement[];
  } catch (error) {
    throw new ValidationError('The draft is not BPMN XML', [{ field: 'xml', message: (error as Error).message }]);
  }
  const process = roots.find((root) => root.$instanceOf('bpmn:Process') && root.id === processId);
  if (!process) throw new ValidationError(`The draft does not define the process ${processId}`, [{ field: 'xml', message: `has no bpmn:process with id "${processId}"` }]);
  return typeof process.name === 'string' && process.name.trim() ? process.name.trim().slice(0, 255) : processId;
}

/** Diagram drafts of the designer: one per process id, saved with optimistic concurrency on `revision`. Process admins only (a 403 for others). */
export class DesignerDraftService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  /** Every draft, most recently saved first, without the documents. */
  async list(user: CurrentUser): Promise<DraftSummary[]> {
    assertDesigner(user, 'read');
    const drafts = await this.dataSource.getRepository(DesignerDraft).find({ select: { processId: true, name: true, revision: true, savedBy: true, savedAt: true }, order: { savedAt: 'DESC' } });
    return drafts.map(summaryOf);
  }

  /** The draft of `processId`, or a 404. */
  async get(user: CurrentUser, processId: string): Promise<DraftDocument> {
    assertDesigner(user, 'read');
    return this.document(processId);
  }

  private async document(processId: string): Promise<DraftDocument> {
    const draft = await this.dataSource.getRepository(DesignerDraft).findOneBy({ processId });
    if (!draft) throw new NotFoundError('Draft', processId);
    return { ...summaryOf(draft), xml: draft.xml, forms: JSON.parse(draft.forms) as object[] };
  }

  /** Saves a new revision; a 409 naming the current revision when someone saved since `save.revision`. */
  async save(user: CurrentUser, processId: string, save: DraftSave): Promise<DraftDocument> {
    assertDesigner(user, 'create');
    const actor = user.username;
    const forms = JSON.stringify(save.forms);
    const name = await processNameIn(save.xml, processId);
    const values = { name, xml: save.xml, forms, revision: save.revision + 1, savedBy: actor, savedAt: new Date() };
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.write(manager, processId, save.revision, values);
        await this.audit.append(manager, { actor, action: 'draft.save', subjectType: 'DesignerDraft', subjectId: processId, payload: { revision: values.revision } });
      });
    } catch (error) {
      if (error instanceof ConflictError) throw error;
      // A concurrent first save won the insert: the loser's revision 0 is stale too.
      if (save.revision === 0 && (await this.dataSource.getRepository(DesignerDraft).existsBy({ processId }))) throw await this.stale(processId, save.revision);
      throw error;
    }
    return this.document(processId);
  }

  private async write(manager: EntityManager, processId: string, revision: number, values: Omit<DesignerDraft, 'processId'>): Promise<void> {
    if (revision === 0) {
      if (await manager.existsBy(DesignerDraft, { processId })) throw await this.stale(processId, revision, manager);
      await manager.insert(DesignerDraft, { processId, ...values });
      return;
    }
    const result = await manager.update(DesignerDraft, { processId, revision }, values);
    if (!result.affected) throw await this.stale(processId, revision, manager);
  }

  private async stale(processId: string, revision: number, manager: EntityManager = this.dataSource.manager): Promise<ConflictError> {
    const current = await manager.findOne(DesignerDraft, { where: { processId }, select: { processId: true, revision: true, savedBy: true, savedAt: true } });
    return new ConflictError(`The draft of ${processId} was saved by someone else since revision ${revision}`, {
      currentRevision: current?.revision ?? 0,
      savedBy: current?.savedBy ?? null,
      savedAt: current?.savedAt.toISOString() ?? null,
    });
  }
}
