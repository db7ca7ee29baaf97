import { textType } from '@dealerflow/engine';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Outgoing webhooks: subscriptions, the event outbox, one delivery per event and subscription, and the attempt log. */
export class Webhooks1734900000000 implements MigrationInterface {
  name = 'Webhooks1734900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'webhook_subscription',
      columns: [
        { name: 'id', type: 'varchar', length: '24', isPrimary: true },
        { name: 'url', type: 'varchar', length: '2000' },
        { name: 'events', type: textType(q) },
        { name: 'processId', type: 'varchar', length: '128', isNullable: true, default: null },
        { name: 'dealerId', type: 'varchar', length: '32', isNullable: true, default: null },
        { name: 'secretSealed', type: 'varchar', length: '300' },
        { name: 'enabled', type: 'integer' },
        { name: 'consecutiveFailures', type: 'integer', default: 0 },
        { name: 'disabledAt', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'disabledBy', type: 'varchar', length: '64', isNullable: true, default: null },
        { name: 'createdBy', type: 'varchar', length: '64' },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
    }));
    await q.createTable(new Table({
      name: 'webhook_event',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'eventKey', type: 'varchar', length: '191' },
        { name: 'type', type: 'varchar', length: '40' },
        { name: 'processId', type: 'varchar', length: '128', isNullable: true, default: null },
        { name: 'dealerId', type: 'varchar', length: '32', isNullable: true, default: null },
        { name: 'data', type: textType(q) },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['eventKey'], isUnique: true }],
    }));
    await q.createTable(new Table({
      name: 'webhook_delivery',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'eventId', type: 'integer' },
        { name: 'subscriptionId', type: 'varchar', length: '24' },
        { name: 'status', type: 'varchar', length: '16' },
        { name: 'attempts', type: 'integer', default: 0 },
        { name: 'nextAttemptAt', type: 'datetime', precision: 3 },
        { name: 'lockedUntil', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'lockedBy', type: 'varchar', length: '32', isNullable: true, default: null },
        { name: 'deliveredAt', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
      indices: [
        { columnNames: ['eventId', 'subscriptionId'], isUnique: true },
        { columnNames: ['status', 'nextAttemptAt'] },
        { columnNames: ['subscriptionId', 'id'] },
      ],
    }));
    await q.createTable(new Table({
      name: 'webhook_attempt',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'deliveryId', type: 'integer' },
        { name: 'at', type: 'datetime', precision: 3 },
        { name: 'outcome', type: 'varchar', length: '16' },
        { name: 'responseCode', type: 'integer', isNullable: true, default: null },
        { name: 'error', type: 'varchar', length: '200', isNullable: true, default: null },
        { name: 'durationMs', type: 'integer' },
        { name: 'responseExcerpt', type: 'varchar', length: '200', isNullable: true, default: null },
      ],
      indices: [{ columnNames: ['deliveryId', 'id'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['webhook_attempt', 'webhook_delivery', 'webhook_event', 'webhook_subscription']) await q.dropTable(table);
  }
}
