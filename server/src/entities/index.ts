import { AuditEntry } from './AuditEntry';
import { AuditHead } from './AuditHead';
import { Dealer } from './Dealer';
import { Role } from './Role';
import { Session } from './Session';
import { User } from './User';
import { ServiceCampaign } from '../warranty/ServiceCampaign';
import { Vehicle } from '../warranty/Vehicle';
import { WarrantyTerms } from '../warranty/WarrantyTerms';
import { Task } from '../tasks/Task';
import { TaskCandidate } from '../tasks/TaskCandidate';
import { TaskDraft } from '../tasks/TaskDraft';
import { CreditNote } from '../outbox/CreditNote';
import { NotificationRecord } from '../outbox/NotificationRecord';
import { FormRecord } from '../processes/FormRecord';
import { Comment } from '../comments/Comment';
import { Attachment } from '../attachments/Attachment';
import { ProcessDefinition } from '../processes/ProcessDefinition';
import { FormDraft } from '../forms/FormDraft';
import { ElementStatistic } from '../instances/ElementStatistic';
import { ElementVisit } from '../instances/ElementVisit';
import { IncidentRecord } from '../instances/IncidentRecord';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import { DesignerDraft } from '../designer/DesignerDraft';
import { SavedView } from '../views/SavedView';
import { allocationEntities } from '../allocation/allocationEntities';
import { notificationEntities } from '../notifications/notificationEntities';
import { ApiToken } from '../tokens/ApiToken';
import { leadEntities } from '../leads/leadEntities';
import { tenderEntities } from '../tenders/tenderEntities';
import { DealerPlan } from '../kpi/DealerPlan';
import { webhookEntities } from '../webhooks/webhookEntities';
import { DecisionDefinition } from '../processes/DecisionDefinition';

export { AuditEntry, AuditHead, Dealer, Role, Session, User };

/** Every entity the server's DataSource maps. */
export const entities = [AuditEntry, AuditHead, Dealer, Role, Session, User, Vehicle, WarrantyTerms, ServiceCampaign, Task, TaskCandidate, NotificationRecord, CreditNote, ProcessDefinition, FormRecord, Comment, Attachment, TaskDraft, FormDraft, ProcessInstanceRecord, IncidentRecord, ElementVisit, ElementStatistic, SavedView, DesignerDraft, ...allocationEntities, ...notificationEntities, ApiToken, ...leadEntities, ...tenderEntities, DealerPlan, ...webhookEntities, DecisionDefinition];
