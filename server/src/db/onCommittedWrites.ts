import type { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import { afterCommit } from './afterCommit';

/**
 * Calls `changed` after each commit that wrote rows of `entities` on this server, whichever code
 * path wrote them through TypeORM (repositories and query builders alike; raw SQL is not seen).
 */
export function onCommittedWrites(dataSource: DataSource, entities: unknown[], changed: () => void): void {
  const watched = new Set(entities);
  const written = ({ metadata, manager }: { metadata: EntityMetadata; manager: EntityManager }) => {
    if (watched.has(metadata.target)) afterCommit(manager, changed);
  };
  dataSource.subscribers.push({ afterInsert: written, afterUpdate: written, afterRemove: written });
}
