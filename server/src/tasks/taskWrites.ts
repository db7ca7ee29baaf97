import type { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import { afterCommit } from '../db/afterCommit';
import { Task } from './Task';
import { TaskCandidate } from './TaskCandidate';

/**
 * Calls `changed` after each commit that wrote task rows or who they are offered to, whichever
 * code path wrote them through TypeORM (the projection, a claim, a dealer renamed), on this server.
 */
export function onTaskWrites(dataSource: DataSource, changed: () => void): void {
  const tables = new Set<unknown>([Task, TaskCandidate]);
  const written = ({ metadata, manager }: { metadata: EntityMetadata; manager: EntityManager }) => {
    if (tables.has(metadata.target)) afterCommit(manager, changed);
  };
  dataSource.subscribers.push({ afterInsert: written, afterUpdate: written, afterRemove: written });
}
