import { In, type DataSource } from 'typeorm';
import { Attachment } from '../attachments/Attachment';
import { Comment } from '../comments/Comment';
import { User } from '../entities/User';

/** A login is at most this long; longer text in a variable is never one. */
const MAX_LOGIN = 64;

/**
 * The display names, by login, of the people a case names: in its variables (who filed it, who
 * decided), as authors of its comments and as uploaders of its files. Anyone who may read the case
 * reads these names, even where the role rules keep the user directory from them (a dealer's staff
 * do not list the distributor's approvers), so the case never shows a bare login.
 */
export async function casePeople(dataSource: DataSource, processInstanceKey: string, variables: Record<string, unknown>): Promise<Record<string, string>> {
  const [comments, attachments] = await Promise.all([
    dataSource.getRepository(Comment).find({ where: { processInstanceKey }, select: { author: true } }),
    dataSource.getRepository(Attachment).find({ where: { processInstanceKey }, select: { uploadedBy: true } }),
  ]);
  const logins = new Set([
    ...Object.values(variables).filter((value): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_LOGIN),
    ...comments.map((comment) => comment.author),
    ...attachments.map((attachment) => attachment.uploadedBy),
  ]);
  if (logins.size === 0) return {};
  const people = await dataSource.getRepository(User).find({ where: { username: In([...logins]) }, select: { username: true, displayName: true } });
  return Object.fromEntries(people.map((person) => [person.username, person.displayName]));
}
