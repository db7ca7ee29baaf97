import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Notifications per person, their preferences and addresses, and the SMTP outbox. */
export class Notifications1734600000000 implements MigrationInterface {
  name = 'Notifications1734600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'user_notification',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'recipient', type: 'varchar', length: '64' },
        { name: 'kind', type: 'varchar', length: '48' },
        { name: 'params', type: 'text' },
        { name: 'link', type: 'varchar', length: '200', isNullable: true, default: null },
        { name: 'dedupeKey', type: 'varchar', length: '191' },
        { name: 'shown', type: 'integer', default: 1 },
        { name: 'createdAt', type: 'datetime', precision: 3 },
        { name: 'readAt', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'digestedAt', type: 'datetime', precision: 3, isNullable: true, default: null },
      ],
      indices: [
        { columnNames: ['dedupeKey'], isUnique: true },
        { columnNames: ['recipient', 'createdAt'] },
        { columnNames: ['recipient', 'readAt'] },
      ],
    }));
    await q.createTable(new Table({
      name: 'notification_preference',
      columns: [
        { name: 'username', type: 'varchar', length: '64', isPrimary: true },
        { name: 'kind', type: 'varchar', length: '48', isPrimary: true },
        { name: 'inApp', type: 'integer' },
        { name: 'email', type: 'varchar', length: '16' },
      ],
    }));
    await q.createTable(new Table({
      name: 'notification_mailbox',
      columns: [
        { name: 'username', type: 'varchar', length: '64', isPrimary: true },
        { name: 'address', type: 'varchar', length: '254' },
      ],
    }));
    await q.createTable(new Table({
      name: 'mail_outbox',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'dedupeKey', type: 'varchar', length: '191' },
        { name: 'username', type: 'varchar', length: '64' },
        { name: 'address', type: 'varchar', length: '254' },
        { name: 'subject', type: 'varchar', length: '300' },
        { name: 'body', type: 'text' },
        { name: 'attempts', type: 'integer', default: 0 },
        { name: 'nextAttemptAt', type: 'datetime', precision: 3 },
        { name: 'lockedUntil', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'sentAt', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'failedAt', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'lastError', type: 'varchar', length: '500', isNullable: true, default: null },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['dedupeKey'], isUnique: true }, { columnNames: ['sentAt', 'nextAttemptAt'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('mail_outbox');
    await q.dropTable('notification_mailbox');
    await q.dropTable('notification_preference');
    await q.dropTable('user_notification');
  }
}
