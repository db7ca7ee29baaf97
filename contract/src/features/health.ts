import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';

const UpDown = Type.String({ description: '`up`, or `down` (or the engine\'s own word for what is wrong)' });

/** Whether the server can write to its database and reach its engine. */
export const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    db: Type.Union([Type.Literal('up'), Type.Literal('down')]),
    engine: Type.Object({ type: Type.String(), status: UpDown }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Health = Static<typeof Health>;

/** The health check load balancers poll. */
export const healthRoutes = {
  health: route({
    method: 'GET',
    path: '/api/health',
    summary: 'Whether the database takes writes and the engine answers; 503 with the same body when a part is down',
    tags: ['health'],
    auth: 'public',
    responses: { 200: Health, 503: Health },
  }),
};
