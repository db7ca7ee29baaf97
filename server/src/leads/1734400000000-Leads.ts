import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const at = { type: 'datetime', precision: 3 } as const;
const maybe = { isNullable: true, default: null } as const;

/** Dealer territories and lead ratings, leads and their routing events; existing dealers' territory codes become region territories and their 0..5 rating the starting lead rating. */
export class Leads1734400000000 implements MigrationInterface {
  name = 'Leads1734400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'dealer_territory',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'kind', type: 'varchar', length: '16' },
        { name: 'code', type: 'varchar', length: '16' },
      ],
      indices: [{ name: 'IDX_dealer_territory_unique', columnNames: ['kind', 'code', 'dealerId'], isUnique: true }, { name: 'IDX_dealer_territory_dealer', columnNames: ['dealerId'] }],
    }));
    await q.createTable(new Table({
      name: 'dealer_rating',
      columns: [
        { name: 'dealerId', type: 'varchar', length: '32', isPrimary: true },
        { name: 'score', type: 'decimal', precision: 5, scale: 2 },
        { name: 'speed', type: 'decimal', precision: 5, scale: 2 },
        { name: 'conversion', type: 'decimal', precision: 5, scale: 2 },
        { name: 'events', type: 'integer', default: 0 },
        { name: 'updatedAt', ...at },
      ],
    }));
    await q.createTable(new Table({
      name: 'lead',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'caseRef', type: 'varchar', length: '64' },
        { name: 'externalId', type: 'varchar', length: '128', ...maybe },
        { name: 'customerName', type: 'varchar', length: '200' },
        { name: 'phone', type: 'varchar', length: '32' },
        { name: 'email', type: 'varchar', length: '200', ...maybe },
        { name: 'regionCode', type: 'varchar', length: '16', ...maybe },
        { name: 'cityCode', type: 'varchar', length: '16', ...maybe },
        { name: 'model', type: 'varchar', length: '64' },
        { name: 'source', type: 'varchar', length: '32' },
        { name: 'status', type: 'varchar', length: '16' },
        { name: 'strategy', type: 'varchar', length: '32', ...maybe },
        { name: 'dealerId', type: 'varchar', length: '32', ...maybe },
        { name: 'offerExpiresAt', ...at, ...maybe },
        { name: 'acceptedAt', ...at, ...maybe },
        { name: 'lostReason', type: 'varchar', length: '500', ...maybe },
        { name: 'processInstanceKey', type: 'varchar', length: '64', ...maybe },
        { name: 'createdBy', type: 'varchar', length: '64' },
        { name: 'createdAt', ...at },
        { name: 'offers', type: 'integer', default: 0 },
      ],
      indices: [
        { name: 'IDX_lead_external', columnNames: ['externalId'], isUnique: true },
        { name: 'IDX_lead_dealer', columnNames: ['dealerId', 'status'] },
        { name: 'IDX_lead_status', columnNames: ['status', 'id'] },
      ],
    }));
    await q.createTable(new Table({
      name: 'lead_event',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'leadId', type: 'integer' },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'kind', type: 'varchar', length: '16' },
        { name: 'jobKey', type: 'varchar', length: '64' },
        { name: 'outcome', type: 'varchar', length: '16', ...maybe },
        { name: 'responseSeconds', type: 'integer', ...maybe },
        { name: 'ratingAfter', type: 'decimal', precision: 5, scale: 2, ...maybe },
        { name: 'at', ...at },
      ],
      indices: [
        { name: 'IDX_lead_event_job', columnNames: ['jobKey', 'dealerId'], isUnique: true },
        { name: 'IDX_lead_event_lead', columnNames: ['leadId', 'dealerId'] },
        { name: 'IDX_lead_event_dealer', columnNames: ['dealerId', 'at'] },
      ],
    }));
    const dealers = (await q.query('SELECT id, territoryCodes, rating FROM dealer')) as { id: string; territoryCodes: string; rating: number | string }[];
    const now = new Date();
    for (const dealer of dealers) {
      const codes = JSON.parse(dealer.territoryCodes || '[]') as string[];
      for (const code of new Set(codes)) await q.query('INSERT INTO dealer_territory (dealerId, kind, code) VALUES (?, ?, ?)', [dealer.id, 'region', code.slice(0, 16)]);
      const start = Math.min(100, Math.max(0, Number(dealer.rating) * 20));
      await q.query('INSERT INTO dealer_rating (dealerId, score, speed, conversion, events, updatedAt) VALUES (?, ?, ?, ?, 0, ?)', [dealer.id, start, start, start, now]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['lead_event', 'lead', 'dealer_rating', 'dealer_territory']) await q.dropTable(table);
  }
}
