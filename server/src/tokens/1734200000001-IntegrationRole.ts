import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `integration` role for service accounts, in databases that already have roles (the
 * catalog seeds only missing roles by name at start; this puts it there with the schema).
 * Written out, not imported, so the migration keeps meaning what it meant.
 */
const integration = {
  name: 'integration',
  description: 'Service account of an outside system (accounting, DMS, brand site): publishes and correlates messages.',
  rules: [{ action: 'publish', subject: 'Message' }, { action: 'correlate', subject: 'Message' }],
};

/** Adds the `integration` role unless it exists. */
export class IntegrationRole1734200000001 implements MigrationInterface {
  name = 'IntegrationRole1734200000001';

  async up(q: QueryRunner): Promise<void> {
    const roles = (await q.query('SELECT COUNT(*) AS n FROM role')) as { n: number | string }[];
    // An empty table is seeded from the catalog at start; only existing databases need the row here.
    if (Number(roles[0].n) === 0) return;
    const found = (await q.query('SELECT name FROM role WHERE name = ?', [integration.name])) as unknown[];
    if (found.length) return;
    await q.query('INSERT INTO role (name, description, rules) VALUES (?, ?, ?)', [integration.name, integration.description, JSON.stringify(integration.rules)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM role WHERE name = ?', [integration.name]);
  }
}
