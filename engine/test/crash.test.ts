import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

const TOTAL = 1000;
const child = (mode: string, database: string) => [process.execPath, ['-r', join(__dirname, 'support/swcRegister.cjs'), join(__dirname, 'support/crashChild.ts'), mode, database, String(TOTAL)]] as const;

describe('a crash mid-run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'df-crash-'));
  const database = join(dir, 'engine.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses and duplicates nothing: a new process finishes every instance exactly once', async () => {
    // given a process running 1,000 instances, killed with SIGKILL part-way
    const [node, args] = child('run', database);
    const proc = spawn(node, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const createdBeforeKill = await new Promise<number>((resolve, reject) => {
      let lines = 0;
      proc.stdout.on('data', (d: Buffer) => {
        lines += d.toString().split('\n').filter((l) => l.startsWith('created')).length;
        if (lines >= 300 && !proc.killed) {
          proc.kill('SIGKILL');
          resolve(lines);
        }
      });
      proc.on('exit', (code) => (code === 0 ? reject(new Error('the child finished before it was killed')) : reject(new Error(`child failed: ${stderr}`))));
    });
    expect(createdBeforeKill).toBeLessThan(TOTAL);
    await new Promise((r) => proc.once('exit', r));
    // when a new process opens the same database and finishes
    const [node2, args2] = child('finish', database);
    const finish = spawnSync(node2, [...args2], { encoding: 'utf8', timeout: 90_000 });
    expect(finish.stderr).toBe('');
    expect(finish.stdout).toContain('finished');
    // then every instance was created, its job completed, its tasks done and it ended exactly once
    const db = new DataSource({ type: 'better-sqlite3', database });
    await db.initialize();
    const count = async (sql: string) => ((await db.query(sql)) as Array<Record<string, number | string>>).map((r) => ({ ...r, c: Number(r.c) }));
    const createdPerN = await count("SELECT n, COUNT(*) AS c FROM crash_ledger WHERE what = 'created' GROUP BY n");
    expect(createdPerN).toHaveLength(TOTAL);
    expect(createdPerN.every((r) => r.c === 1)).toBe(true);
    for (const what of ['job', 'done', 'task:submit']) {
      const rows = await count(`SELECT instance_key, COUNT(*) AS c FROM crash_ledger WHERE what = '${what}' GROUP BY instance_key`);
      expect([what, rows.length, rows.filter((r) => r.c !== 1).length]).toEqual([what, TOTAL, 0]);
    }
    const approvals = await count("SELECT instance_key, COUNT(*) AS c FROM crash_ledger WHERE what = 'task:approve' GROUP BY instance_key");
    expect([approvals.length, approvals.filter((r) => r.c !== 1).length]).toEqual([TOTAL / 2, 0]);
    expect((await count("SELECT COUNT(*) AS c FROM engine_item WHERE kind IN ('job', 'task')"))[0].c).toBe(0);
    expect((await count("SELECT COUNT(*) AS c FROM engine_instance WHERE state <> 'COMPLETED'"))[0].c).toBe(0);
    await db.destroy();
  });
});
