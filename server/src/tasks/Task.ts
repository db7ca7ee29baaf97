import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** Where a task is in its life. */
export type TaskState = 'open' | 'completed' | 'cancelled';

/**
 * The inbox projection of a user task, fed by the engine's events. The engine owns the
 * task; this row is what the inbox and the approval queue search, sort and page.
 */
@Entity('task')
@Index('IDX_task_dealer_inbox', ['dealerId', 'state', 'dueSort'])
@Index('IDX_task_state_due', ['state', 'dueSort'])
@Index('IDX_task_state_priority', ['state', 'priority'])
@Index('IDX_task_state_created', ['state', 'createdAt'])
@Index('IDX_task_assignee', ['assignee', 'state', 'dealerId', 'dueSort'])
@Index('IDX_task_instance', ['processInstanceKey'])
@Index('IDX_task_state_amount', ['state', 'amount'])
@Index('IDX_task_state_dealer_name', ['state', 'dealerName', 'key'])
export class Task {
  /** The engine's user task key (int64 in Zeebe, kept as a string). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 64 })
  processInstanceKey!: string;

  @Column({ type: 'varchar', length: 128 })
  bpmnProcessId!: string;

  /** The version of the process the task's instance runs: its form is the one that version linked; null on rows from before. */
  @Column({ type: 'integer', nullable: true, default: null, transformer: numberTransformer })
  processVersion!: number | null;

  @Column({ type: 'varchar', length: 128 })
  elementId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: TaskState;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  assignee!: string | null;

  @Column({ type: 'simple-json' })
  candidateGroups!: string[];

  @Column({ type: 'simple-json' })
  candidateUsers!: string[];

  /** The dealer whose case this is (process variable `dealerId`); null for distributor-only work. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  /** The dealer's display name, copied when the task is created and kept on rename (empty without a dealer): the approval queue sorts by it. */
  @Column({ type: 'varchar', length: 200, default: '' })
  dealerName!: string;

  /** The case reference people quote (process variable `caseRef`). */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  caseRef!: string | null;

  /** Lower-cased case reference and searchable variables (VIN, customer), for the inbox text search. */
  @Column({ type: 'varchar', length: 1000, default: '' })
  searchText!: string;

  /** The case variables list rows show (VIN, amount, customer) as they were when the task was created; null on rows from before. */
  @Column({ type: 'simple-json', nullable: true })
  caseSummary!: Record<string, string | number | boolean> | null;

  /** The case's amount in whole roubles (claimAmount), 0 when it has none: the approval queue sorts and filters by it. */
  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  amount!: number;

  /** Whether the case's coverage check found it covered (process variable `coverage.covered`); null before a check. */
  @Column({ type: 'boolean', nullable: true, default: null })
  covered!: boolean | null;

  /** Our JSON-Schema form id (zeebe:formDefinition). */
  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  formId!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  dueDate!: Date | null;

  /** The due date, or a far-future day when there is none, so sorting and paging by due use an index. */
  @Column({ type: 'datetime', precision: 3 })
  dueSort!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  followUpDate!: Date | null;

  @Column({ type: 'integer', default: 50 })
  priority!: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  endedAt!: Date | null;

  /** Who completed it; the approval queue's four-eyes rule reads it. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  completedBy!: string | null;

  /** Bumped on every change; clients send it back to detect a stale view. */
  @Column({ type: 'integer', default: 1, transformer: numberTransformer })
  revision!: number;
}
