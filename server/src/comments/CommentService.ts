import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import type { ProcessService } from '../processes/ProcessService';
import { Comment } from './Comment';

/** Comments on cases; whoever may read a case may read and add its comments. */
export class CommentService {
  constructor(private readonly dataSource: DataSource, private readonly processes: ProcessService, private readonly audit: AuditTrail) {}

  async list(user: CurrentUser, instanceKey: string): Promise<Comment[]> {
    await this.processes.readable(user, instanceKey);
    return this.dataSource.getRepository(Comment).find({ where: { processInstanceKey: instanceKey }, order: { createdAt: 'ASC' } });
  }

  async add(user: CurrentUser, instanceKey: string, body: string): Promise<Comment> {
    await this.processes.readable(user, instanceKey);
    const comment = Object.assign(new Comment(), { id: randomUUID(), processInstanceKey: instanceKey, author: user.username, body, createdAt: new Date() });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Comment, comment);
      await this.audit.append(manager, { actor: user.username, action: 'comment.add', subjectType: 'ProcessInstance', subjectId: instanceKey, payload: { commentId: comment.id, body } });
    });
    return comment;
  }
}
