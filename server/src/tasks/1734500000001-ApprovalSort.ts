import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The approval queue sorts and filters by amount and coverage (issue 16): tasks copy the case's
 * amount (whole roubles) and the coverage verdict when they are created. Open tasks get the
 * amount from the case summary they already copied; their coverage stays unknown.
 */
export class ApprovalSort1734500000001 implements MigrationInterface {
  name = 'ApprovalSort1734500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('task', [
      new TableColumn({ name: 'amount', type: 'integer', default: 0 }),
      new TableColumn({ name: 'covered', type: 'boolean', isNullable: true, default: null }),
    ]);
    const open = (await q.query("SELECT `key`, caseSummary FROM task WHERE state = 'open' AND caseSummary IS NOT NULL")) as { key: string; caseSummary: string }[];
    for (const { key, caseSummary } of open) {
      const amount = (JSON.parse(caseSummary) as { claimAmount?: unknown }).claimAmount;
      if (typeof amount === 'number' && Number.isFinite(amount) && amount > 0) await q.query('UPDATE task SET amount = ? WHERE `key` = ?', [Math.round(Math.min(amount, 2_000_000_000)), key]);
    }
    await q.createIndex('task', new TableIndex({ name: 'IDX_task_state_amount', columnNames: ['state', 'amount'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('task', 'IDX_task_state_amount');
    await q.dropColumns('task', ['covered', 'amount']);
  }
}
