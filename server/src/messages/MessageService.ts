import { EngineError, NotFoundError as EngineNotFound, type ProcessEngine, type Variables } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { actingAs } from '../engine/actorContext';
import { AppError, ForbiddenError } from '../errors/AppError';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import { assertNoSystemVariables } from '../processes/systemVariables';
import { auditingMessages } from './messageAudit';

/** A message from outside, as `POST /api/messages` takes it. */
export interface PublishRequest {
  name: string;
  correlationKey: string;
  /** Milliseconds the message waits for a subscriber; 0 (the default) correlates now or never. */
  timeToLive?: number;
  /** Deduplicates while the message is buffered (within its time to live), as Camunda does. */
  messageId?: string;
  variables?: Variables;
}

/** A message to correlate now, as `POST /api/messages/correlate` takes it. */
export type CorrelateRequest = Pick<PublishRequest, 'name' | 'correlationKey' | 'variables'>;

/** Where a correlated message went. */
export interface Correlation {
  messageKey: string;
  processInstanceKey: string;
  bpmnProcessId: string | null;
  caseRef: string | null;
}

/**
 * A message is bound to no dealer: its correlation key may reach any dealer's case. So only
 * distributor-wide callers send them; a dealer-scoped account would escape its scope.
 */
function refuseDealerScope(user: CurrentUser): void {
  if (user.dealerId !== null) throw new ForbiddenError('Messages may reach any dealer\'s case, so only accounts without a dealer scope send them');
}

/**
 * Messages from outside systems (payments, DMS answers) to waiting processes. Each published
 * or correlated message is one engine step with its one audit entry (see messageAudit).
 */
export class MessageService {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine) {}

  /** Publishes; 409 when a message with this name and id is still buffered (Camunda's ALREADY_EXISTS). */
  async publish(user: CurrentUser, request: PublishRequest): Promise<{ messageKey: string }> {
    if (user.ability.cannot('publish', 'Message')) throw new ForbiddenError('You may not publish messages');
    refuseDealerScope(user);
    const variables = request.variables ?? {};
    assertNoSystemVariables(variables);
    const message = { name: request.name, correlationKey: request.correlationKey, variables, timeToLive: request.timeToLive ?? 0, ...(request.messageId ? { messageId: request.messageId } : {}) };
    try {
      const messageKey = await this.asUser(user, () => this.engine.publishMessage(message));
      return { messageKey };
    } catch (error) {
      if (error instanceof EngineError && error.code === 'ALREADY_EXISTS') {
        throw new AppError(409, 'already_exists', `Message ${request.name} with id ${request.messageId} was already published`, { name: request.name, messageId: request.messageId });
      }
      throw error;
    }
  }

  /** Correlates now, buffering nothing; 404 when no process waits for it. */
  async correlate(user: CurrentUser, request: CorrelateRequest): Promise<Correlation> {
    if (user.ability.cannot('correlate', 'Message')) throw new ForbiddenError('You may not correlate messages');
    refuseDealerScope(user);
    const variables = request.variables ?? {};
    assertNoSystemVariables(variables);
    try {
      const { messageKey, processInstanceKey } = await this.asUser(user, () => this.engine.correlateMessage({ name: request.name, correlationKey: request.correlationKey, variables }));
      const instance = await this.dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: processInstanceKey });
      return { messageKey, processInstanceKey, bpmnProcessId: instance?.bpmnProcessId ?? null, caseRef: instance?.caseRef ?? null };
    } catch (error) {
      if (error instanceof EngineNotFound) {
        throw new AppError(404, 'not_found', `No process waits for message ${request.name} with correlation key ${request.correlationKey}`, { name: request.name, correlationKey: request.correlationKey });
      }
      throw error;
    }
  }

  private asUser<T>(user: CurrentUser, work: () => Promise<T>): Promise<T> {
    return actingAs({ username: user.username }, () => auditingMessages(work));
  }
}
