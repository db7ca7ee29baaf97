import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { notifyMentions } from '../notifications/notifyMentions';
import type { NotificationService } from '../notifications/NotificationService';
import type { ProcessService } from '../processes/ProcessService';
import { Comment } from './Comment';

/** Comments on cases; whoever may read a case reads them, whoever may `comment` on it adds them. */
export class CommentService {
  constructor(private readonly dataSource: DataSource, private readonly processes: ProcessService, private readonly audit: AuditTrail, private readonly notifications?: NotificationService) {}

  /** The case's comments, oldest first. */
  async list(user: CurrentUser, instanceKey: string): Promise<Comment[]> {
    await this.processes.assertReadable(user, instanceKey);
    return this.dataSource.getRepository(Comment).find({ where: { processInstanceKey: instanceKey }, order: { createdAt: 'ASC' } });
  }

  /** Adds a comment and notifies the people it mentions as `@login`; 404 when the user may not read the case, 403 when they may only read it. */
  async add(user: CurrentUser, instanceKey: string, body: string): Promise<Comment> {
    await this.processes.assertCommentable(user, instanceKey);
    const comment = Object.assign(new Comment(), { id: randomUUID(), processInstanceKey: instanceKey, author: user.username, body, createdAt: new Date() });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Comment, comment);
      await this.audit.append(manager, { actor: user.username, action: 'comment.add', subjectType: 'ProcessInstance', subjectId: instanceKey, payload: { commentId: comment.id, body } });
      // People named as @login hear of it with the comment, or not at all.
      if (this.notifications) await notifyMentions(manager, this.notifications, comment);
    });
    return comment;
  }
}
