import { subject } from '@casl/ability';
import type { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { AuditEntry } from '../entities/AuditEntry';
import { AuditHead } from '../entities/AuditHead';
import { ForbiddenError, NotFoundError } from '../errors/AppError';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import type { AuditTrail } from './AuditTrail';
import type { HashedFields } from './chainHash';
import { whereCase } from './AuditQuery';
import { loadAuditNames, type Bilingual } from './AuditNames';
import { describeEntry, type ReadableEntry } from './describeEntry';
import { evidencePdf } from './evidencePdf';

/** One entry of the case as the evidence shows it: its place in the chain and how it reads. */
export interface EvidenceEntry extends ReadableEntry, HashedFields {
  prevHash: string;
  hash: string;
}

/** Everything the evidence document states. */
export interface Evidence {
  instanceKey: string;
  caseRef: string;
  process: Bilingual;
  dealerName: string | null;
  exportedAt: Date;
  exportedBy: string;
  entries: EvidenceEntry[];
  /** The whole chain's length and last hash when the export was written (the export's own entry included). */
  chainLength: number;
  chainHead: string;
}

/** The file handed out: a PDF named after the case. */
export interface EvidenceFile {
  fileName: string;
  content: Buffer;
}

/** Exports one case's trail as a PDF people can verify without us; each export is itself one audit entry. */
export class AuditEvidence {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  /** 403 for users who may not read the trail, 404 for a case they cannot see. */
  async export(user: CurrentUser, instanceKey: string): Promise<EvidenceFile> {
    if (user.ability.cannot('read', 'AuditEntry')) throw new ForbiddenError('You may not read the audit trail');
    const record = await this.dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: instanceKey });
    if (!record || user.ability.cannot('read', subject('ProcessInstance', { ...record }))) throw new NotFoundError('Process instance', instanceKey);
    const caseRef = record.caseRef ?? record.key;
    const evidence = await this.dataSource.transaction(async (manager) => {
      const own = await this.audit.append(manager, { actor: user.username, action: 'audit.evidence', subjectType: 'ProcessInstance', subjectId: record.key, payload: { caseRef, format: 'pdf' } });
      return this.collect(manager, record, user, own);
    });
    return { fileName: `evidence-${caseRef.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`, content: await evidencePdf(evidence) };
  }

  private async collect(manager: EntityManager, record: ProcessInstanceRecord, user: CurrentUser, own: AuditEntry): Promise<Evidence> {
    const query = manager.getRepository(AuditEntry).createQueryBuilder('e').orderBy('e.seq', 'ASC');
    whereCase(query, { instanceKey: record.key, caseRef: record.caseRef });
    const rows = await query.getMany();
    const names = await loadAuditNames(manager, rows);
    const head = await manager.getRepository(AuditHead).findOneByOrFail({ id: 1 });
    return {
      instanceKey: record.key,
      caseRef: record.caseRef ?? record.key,
      process: names.process(record.bpmnProcessId),
      dealerName: record.dealerId ? names.dealer(record.dealerId) : null,
      exportedAt: own.at,
      exportedBy: user.displayName,
      entries: rows.map((row) => ({ ...row, ...describeEntry(row, names) })),
      chainLength: head.lastSeq,
      chainHead: head.lastHash,
    };
  }
}
