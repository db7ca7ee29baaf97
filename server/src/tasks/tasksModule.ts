import type { DataSource } from 'typeorm';
import { Tasks1732500000000 } from './1732500000000-Tasks';
import { TaskDrafts1733000000000 } from './1733000000000-TaskDrafts';
import { InboxIndexes1733200000000 } from './1733200000000-InboxIndexes';
import { TaskSummaries1733600000000 } from './1733600000000-TaskSummaries';
import { TaskProcessVersion1733700000000 } from './1733700000000-TaskProcessVersion';
import { ApprovalSort1734500000001 } from './1734500000001-ApprovalSort';
import { TaskDealerName1735200000000 } from './1735200000000-TaskDealerName';
import { TaskChanges1735910000000 } from './1735910000000-TaskChanges';
import { onCommittedWrites } from '../db/onCommittedWrites';
import { defineModule } from '../modules/FeatureModule';
import { FormRecord } from '../processes/FormRecord';
import { ApprovalQueue } from './ApprovalQueue';
import { approvalRoutes, type ApprovalAnswer } from './approvalRoutes';
import { CaseSummaries } from './CaseSummaries';
import { InboxQuery } from './InboxQuery';
import { projectTasks } from './projectTasks';
import { Task } from './Task';
import { TaskAccess } from './TaskAccess';
import { TaskAssignment } from './TaskAssignment';
import { TaskCandidate } from './TaskCandidate';
import { TaskChangeRow } from './TaskChangeRow';
import { TaskDiagram } from './TaskDiagram';
import { TaskDraft } from './TaskDraft';
import { TaskDraftService } from './TaskDraftService';
import { TaskEvents } from './TaskEvents';
import { TaskForms } from './TaskForms';
import { TaskProjection } from './TaskProjection';
import { taskRoutes, type InboxAnswer } from './taskRoutes';
import { UserPageCache } from './UserPageCache';
import { TaskService } from './TaskService';
import { taskStreamRoutes } from './taskStreamRoutes';

/**
 * How long a list page is kept at most. One SQLite server makes every write itself; servers
 * sharing a MySQL/MariaDB database hear of each other's task changes as stream hints, but not of
 * every write (a dealer renamed), which then shows within a second, as role changes do.
 * The minute bounds writes made behind the application's back.
 */
function pageMaxAgeMs(dataSource: DataSource): number {
  return dataSource.options.type === 'better-sqlite3' ? 60_000 : 1_000;
}

/** The approval queue's time left per task is at most this old (it shows minutes). */
const TIME_LEFT_MAX_AGE_MS = 5_000;

/** The inbox: the task projection, working a task, assignment, drafts, the approval queue and the live task stream (shared across servers). */
export const tasksModule = defineModule({
  name: 'tasks',
  entities: [Task, TaskCandidate, TaskDraft, TaskChangeRow],
  migrations: [Tasks1732500000000, TaskDrafts1733000000000, InboxIndexes1733200000000, TaskSummaries1733600000000, TaskProcessVersion1733700000000, ApprovalSort1734500000001, TaskDealerName1735200000000, TaskChanges1735910000000],
  needs: ['audit', 'formCatalog'],
  makes: ['inbox', 'inboxPages', 'approvalPages', 'tasks', 'drafts', 'assignment', 'diagrams', 'approvals', 'summaries', 'taskEvents'],
  services: ({ dataSource, engine, audit, formCatalog }) => {
    const inbox = new InboxQuery(dataSource);
    const access = new TaskAccess(inbox);
    const taskForms = new TaskForms(engine, formCatalog);
    const drafts = new TaskDraftService(dataSource, access, taskForms, audit);
    const tasks = new TaskService(dataSource, engine, access, taskForms, drafts, audit);
    const taskEvents = new TaskEvents();
    const inboxPages = new UserPageCache<InboxAnswer>(pageMaxAgeMs(dataSource));
    const approvalPages = new UserPageCache<ApprovalAnswer>(Math.min(pageMaxAgeMs(dataSource), TIME_LEFT_MAX_AGE_MS));
    const tasksChanged = () => {
      inboxPages.changed();
      approvalPages.changed();
    };
    // this server's own writes as they commit, and the other servers' as their hints arrive; a deployed form may hide summary fields
    onCommittedWrites(dataSource, [Task, TaskCandidate], tasksChanged);
    taskEvents.subscribe(tasksChanged);
    onCommittedWrites(dataSource, [FormRecord], () => approvalPages.changed());
    return {
      inbox,
      inboxPages,
      approvalPages,
      tasks,
      drafts,
      assignment: new TaskAssignment(dataSource, engine, access, audit),
      diagrams: new TaskDiagram(dataSource, engine, access),
      approvals: new ApprovalQueue(inbox, tasks),
      summaries: new CaseSummaries(engine, formCatalog),
      taskEvents,
    };
  },
  // the stream's fixed path is tried before the task routes' `/api/tasks/:id`
  routes: (s) => [taskStreamRoutes(s.taskEvents, s.sessions), taskRoutes(s), approvalRoutes(s.approvals, s.summaries, s.approvalPages)],
  feed: (s) => [projectTasks(new TaskProjection(), s.audit, s.taskEvents)],
});
