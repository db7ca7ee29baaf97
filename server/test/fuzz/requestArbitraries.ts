import fc from 'fast-check';

/** One route as the routers register it. */
export interface RouteSpec {
  method: string;
  path: string;
}

/** A request the fuzz sends: who, what, with which parameters and body. */
export interface FuzzRequest {
  role: string;
  method: string;
  url: string;
  /** Raw body text sent as application/json, or bytes for the attachment route. */
  body?: string | Buffer;
}

/** Ids the running server knows, by path parameter name, so some requests reach real records. */
export type KnownIds = Record<string, string[]>;

const weirdStrings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1e400', '9223372036854775808', 'null', 'undefined', '..', '%2e%2e%2f', '%00', '\u202Eexe.png', '💥'.repeat(50), 'a'.repeat(5000), "' OR 1=1 --", '<script>x</script>'),
);

/** Cursors: well-formed base64url JSON with hostile values, and garbage. */
const cursors = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('[1e400,"1"]', '[-1e400,"1"]', '["2024-13-45T99:00:00Z","1"]', '[null,"1"]', '[{},[]]', '["x"]', '[1,2,3]', '"str"').map((json) => Buffer.from(json).toString('base64url')) },
  fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url')),
  weirdStrings,
);

const queryKeys = ['state', 'assignee', 'candidateGroup', 'dealerId', 'processId', 'dueBefore', 'q', 'sort', 'cursor', 'limit', 'version', 'hasIncident', 'instanceKey', 'subjectType', 'subjectId', 'against', 'name', 'retries', 'ref', 'vin', 'customer', 'from', 'to', 'x'];

const queries: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.dictionary(fc.constantFrom(...queryKeys), fc.oneof(weirdStrings, cursors, fc.constantFrom('open', 'completed', 'due', 'priority', 'created', '1', '500', 'true')), { maxKeys: 4 }),
  // a sort with a cursor reaches the keyset code behind the first checks
  fc.record({ sort: fc.constantFrom('due', 'priority', 'created'), cursor: cursors }),
);

/** JSON nested `depth` levels deep, as text (too deep for JSON.stringify of a built value to be cheap). */
const deepJson = fc.integer({ min: 100, max: 20_000 }).chain((depth) => fc.constantFrom(
  `{"variables":${'['.repeat(depth)}${']'.repeat(depth)}}`,
  `{"variables":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
));

/** A known-good body mutated: a field dropped, replaced by any JSON value, or a stranger added. */
function mutated(sample: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = Object.keys(sample);
  return fc.oneof(
    fc.constant(sample),
    fc.record({ key: fc.constantFrom(...keys, 'extra'), value: fc.jsonValue({ maxDepth: 3 }) }).map(({ key, value }) => ({ ...sample, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key))),
  ).map((body) => JSON.stringify(body));
}

const bodies = (samples: Record<string, unknown>[]): fc.Arbitrary<string> => fc.oneof(
  { weight: 3, arbitrary: samples.length ? fc.constantFrom(...samples).chain(mutated) : fc.constant('{}') },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', 'nul', '[1,2', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}') },
);

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((array) => Buffer.from(array)),
  fc.constantFrom(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('<html><script>alert(1)</script></html>')]), Buffer.from('%PDF-1.4\n%%EOF')),
);

/** Any request to one of `routes`, as one of `roles`, with parameters drawn from `ids`, hostile values and known-good `samples`. */
export function requests(routes: RouteSpec[], roles: string[], ids: KnownIds, samples: Record<string, Record<string, unknown>[]>): fc.Arbitrary<FuzzRequest> {
  return fc.record({ route: fc.constantFrom(...routes), role: fc.constantFrom(...roles) }).chain(({ route, role }) => {
    const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
    const params = fc.tuple(...names.map((name) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(ids[name]?.length ? ids[name] : ['1'])) }, { weight: 1, arbitrary: weirdStrings })));
    const isAttachment = (route.path.endsWith('/attachments') || route.path === '/api/uploads') && route.method === 'POST';
    const body: fc.Arbitrary<string | Buffer | undefined> = route.method === 'GET' || route.method === 'DELETE' ? fc.constant(undefined) : isAttachment ? bytes : bodies(samples[`${route.method} ${route.path}`] ?? []);
    return fc.record({ values: names.length ? params : fc.constant([] as string[]), query: queries, body }).map(({ values, query, body: sent }) => {
      let index = 0;
      const path = route.path.replace(/:(\w+)/g, () => encodeURIComponent(values[index++]));
      const search = new URLSearchParams(isAttachment ? { ...query, name: (query as Record<string, string>).name ?? 'photo.png' } : query).toString();
      return { role, method: route.method, url: search ? `${path}?${search}` : path, body: sent };
    });
  });
}
