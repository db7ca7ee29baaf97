import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

/** A real 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

const [[, sqlite]] = testDatabases();

describe('attachment content and name checks', () => {
  let server: TestServer;
  let instanceKey: string;
  beforeAll(async () => {
    server = await startTestServer(sqlite());
    const staff = await server.as('dealer1.staff');
    // one of the dealer's own warranty claims (a lead offered to several dealers is no case of theirs to attach to)
    const tasks = (await staff.get('/api/tasks?limit=50')).body.items as { processInstanceKey: string; bpmnProcessId: string }[];
    instanceKey = tasks.find((task) => task.bpmnProcessId === 'warranty-claim')!.processInstanceKey;
  }, 120_000);
  afterAll(() => server.stop(), 60_000);

  const upload = async (name: string, type: string, bytes: Buffer) =>
    (await server.as('dealer1.staff')).post(`/api/process-instances/${instanceKey}/attachments`).query({ name }).set('Content-Type', type).send(bytes);

  it('renames a real PNG uploaded as x.html to x.png, and a PNG header followed by HTML too', async () => {
    const real = await upload('x.html', 'image/png', png);
    expect(real.status).toBe(201);
    expect(real.body).toMatchObject({ fileName: 'x.png', contentType: 'image/png' });
    // The signature and header chunk of a PNG, then a page: a PNG to every detector, never an .html.
    const polyglot = await upload('x.html', 'image/png', Buffer.concat([png.subarray(0, 33), html]));
    expect(polyglot.status).toBe(201);
    expect(polyglot.body.fileName).toBe('x.png');
    const download = await (await server.as('dealer1.staff')).get(`/api/process-instances/${instanceKey}/attachments/${polyglot.body.id}`);
    expect(download.headers['content-disposition']).toBe("attachment; filename*=UTF-8''x.png");
  });

  it('refuses content that is not the declared type, or no known type at all', async () => {
    for (const [name, type, bytes] of [['page.png', 'image/png', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), html])], ['a.pdf', 'application/pdf', html], ['b.png', 'image/png', pdf], ['c.jpg', 'image/jpeg', png]] as const) {
      const response = await upload(name, type, bytes);
      expect({ name, status: response.status, code: response.body.code }).toEqual({ name, status: 400, code: 'validation_failed' });
    }
  });

  it('keeps an extension of the detected type and adds one when there is none', async () => {
    expect((await upload('scan.PDF', 'application/pdf', pdf)).body.fileName).toBe('scan.PDF');
    expect((await upload('scan', 'application/pdf', pdf)).body.fileName).toBe('scan.pdf');
    expect((await upload('invoice.exe', 'application/pdf', pdf)).body.fileName).toBe('invoice.pdf');
  });

  it('strips right-to-left overrides and other invisible control characters from names', async () => {
    const spoofed = await upload('invoice\u202Efdp.exe', 'application/pdf', pdf);
    expect(spoofed.status).toBe(201);
    expect(spoofed.body.fileName).toBe('invoicefdp.pdf');
    const invisible = await upload('a\u200Bb\u2066c\u0085d\u2028.png', 'image/png', png);
    expect(invisible.body.fileName).toBe('abcd.png');
    const nothingLeft = await upload('\u202E\u202D.png', 'image/png', png);
    expect(nothingLeft.status).toBe(400);
  });

  it('records the cleaned name in the audit trail', async () => {
    const items = (await (await server.as('admin')).get(`/api/audit?instanceKey=${instanceKey}`)).body.items as { action: string; payload: { fileName: string } }[];
    const names = items.filter((e) => e.action === 'attachment.add').map((e) => e.payload.fileName);
    expect(names).toContain('invoicefdp.pdf');
    expect(names.join('')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
