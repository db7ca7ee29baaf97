import { PassThrough } from 'node:stream';
import { Router } from '@koa/router';
import { concerns, type TaskEvents } from '../../tasks/TaskEvents';
import { requireUser } from '../requireUser';

const HEARTBEAT_MS = 25_000;

/** `GET /api/tasks/stream`: server-sent events telling an open inbox which of its tasks changed. */
export function taskStreamRoutes(events: TaskEvents): Router {
  const router = new Router({ prefix: '/api/tasks' });
  router.get('/stream', (ctx) => {
    const user = requireUser(ctx);
    const stream = new PassThrough();
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setKeepAlive(true);
    ctx.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    ctx.status = 200;
    ctx.body = stream;
    stream.write(': connected\n\n');
    const unsubscribe = events.subscribe((change) => {
      if (concerns(user, change)) stream.write(`event: task\ndata: ${JSON.stringify({ key: change.key, change: change.change, processInstanceKey: change.processInstanceKey })}\n\n`);
    });
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      stream.end();
    };
    ctx.req.on('close', close);
  });
  return router;
}
