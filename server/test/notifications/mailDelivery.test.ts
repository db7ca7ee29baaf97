import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { MailMessage } from '../../src/notifications/MailMessage';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Received { to: string; subject: string; text: string }

/** A local SMTP sink that refuses the next `refuse` messages, then keeps what it accepts. */
async function smtpSink(): Promise<{ port: number; received: Received[]; refuseNext: (n: number) => void; close: () => Promise<void> }> {
  const received: Received[] = [];
  let refuse = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
          return;
        }
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const port = (sink.server.address() as { port: number }).port;
  return { port, received, refuseNext: (n) => (refuse = n), close: () => new Promise((resolve) => sink.close(() => resolve())) };
}

describe.each(testDatabases())('e-mail notifications through the SMTP outbox on %s', (_kind, database) => {
  let server: TestServer;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    sink = await smtpSink();
    server = await startTestServer(database(), { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Dealerflow <robot@dealerflow.test>', PUBLIC_URL: 'http://portal.example' });
  });
  afterAll(async () => {
    await server.stop();
    await sink.close();
  });

  const worker = () => server.running.notificationJobs.mail!;
  const outbox = (username: string) => server.running.dataSource.getRepository(MailMessage).findBy({ username });

  it('delivers an instant notification once, in Russian, after the sink refused the first attempt', async () => {
    const agent = await server.as('approver.warranty');
    expect((await agent.put('/api/me/notification-preferences').send({ address: 'warranty@distributor.test' })).status).toBe(200);
    sink.refuseNext(1);
    await server.running.services.notifications.notifyNow({
      recipients: { users: ['approver.warranty'] }, kind: 'comment.mention', params: { actorName: 'Иван Петров', caseRef: 'WC-42', excerpt: 'Посмотрите фото' }, link: '/cases/42', cause: 'mail-test:1',
    });
    const now = Date.now();
    expect(await worker().tick(new Date(now))).toEqual({ sent: 0, failed: 1 });
    const [waiting] = await outbox('approver.warranty');
    expect(waiting).toEqual(expect.objectContaining({ attempts: 1, sentAt: null, lastError: expect.stringContaining('Mailbox temporarily unavailable') }));
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(now);
    // Not due yet: nothing is sent before the back-off has passed.
    expect(await worker().tick(new Date(now + 1000))).toEqual({ sent: 0, failed: 0 });
    const later = new Date(now + 10 * 60_000);
    const [first, second] = await Promise.all([worker().tick(later), worker().tick(later)]);
    expect(first.sent + second.sent).toBe(1);
    expect(await worker().tick(new Date(now + 60 * 60_000))).toEqual({ sent: 0, failed: 0 });

    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]).toEqual({
      to: 'warranty@distributor.test',
      subject: 'Dealerflow: Иван Петров упомянул(а) вас в комментарии к делу WC-42: «Посмотрите фото»',
      text: expect.stringContaining('Открыть: http://portal.example/cases/42'),
    });
    expect((await outbox('approver.warranty'))[0]).toEqual(expect.objectContaining({ attempts: 2, sentAt: expect.any(Date), lastError: null }));
  });

  it('sends the daily digest of unread notifications once per day to people who chose it', async () => {
    const agent = await server.as('dealer1.manager');
    expect((await agent.put('/api/me/notification-preferences').send({ address: 'manager@dealer1.test', kinds: [{ kind: 'case.notice', inApp: true, email: 'daily' }] })).status).toBe(200);
    const notify = (cause: string, caseRef: string) => server.running.services.notifications.notifyNow({
      recipients: { users: ['dealer1.manager'] }, kind: 'case.notice', params: { template: 'tender-reservation-locked', caseRef }, link: null, cause,
    });
    await notify('digest-test:1', 'TR-100');
    await notify('digest-test:2', 'TR-101');
    expect(await outbox('dealer1.manager')).toEqual([]);

    const digest = server.running.notificationJobs.digest;
    const [a, b] = await Promise.all([digest.run(), digest.run()]);
    expect([...a, ...b]).toEqual(['dealer1.manager']);
    expect(await digest.run()).toEqual([]);
    const mails = await outbox('dealer1.manager');
    expect(mails).toHaveLength(1);
    await worker().tick(new Date(Date.now() + 1000));
    const delivered = sink.received.filter((m) => m.to === 'manager@dealer1.test');
    expect(delivered).toHaveLength(1);
    expect(delivered[0].subject).toBe('Dealerflow: непрочитанные уведомления за день');
    expect(delivered[0].text).toContain('Тендер закреплён за вашим дилером — дело TR-100');
    expect(delivered[0].text).toContain('дело TR-101');
  });
});
