/** Node.js: recompute the chain from the API's entries (oldest first). */
export const nodeSnippet = `const { createHash } = require('node:crypto');
const canonicalize = require('canonicalize').default; // RFC 8785: npm i canonicalize
function entryHash(prevHash, e) {
  const body = canonicalize({ seq: e.seq, at: e.at, actor: e.actor, action: e.action,
    subjectType: e.subjectType, subjectId: e.subjectId, payload: canonicalize(e.payload) });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
function verify(entries) { // entries oldest first, from seq 1
  let prev = '0'.repeat(64);
  for (const e of entries) {
    if (e.prevHash !== prev || entryHash(prev, e) !== e.hash) return 'broken at ' + e.seq;
    prev = e.hash;
  }
  return 'ok ' + prev;
}`;

/** Python 3: the same, with the standard library only (integers and texts, as our entries hold). */
export const pythonSnippet = `import hashlib, json
def canon(v):
    return json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
def entry_hash(prev, e):
    body = canon({'seq': e['seq'], 'at': e['at'], 'actor': e['actor'], 'action': e['action'],
                  'subjectType': e['subjectType'], 'subjectId': e['subjectId'],
                  'payload': canon(e['payload'])})
    return hashlib.sha256((prev + body).encode('utf-8')).hexdigest()
def verify(entries):  # entries oldest first, from seq 1
    prev = '0' * 64
    for e in entries:
        if e['prevHash'] != prev or entry_hash(prev, e) != e['hash']:
            return 'broken at %d' % e['seq']
        prev = e['hash']
    return 'ok ' + prev`;

/** The "how to verify" section's paragraphs, Russian first. */
export const verifyGuide = {
  ru: {
    title: 'Как проверить самостоятельно',
    paragraphs: [
      'Журнал аудита — одна цепочка хешей на всю систему. Каждая запись хранит хеш предыдущей (prevHash); у первой записи это 64 нуля. Записи этого дела стоят в общей цепочке на местах с указанными номерами; между ними — записи других дел, поэтому для проверки связи нужна цепочка целиком.',
      'Хеш записи = SHA-256 (шестнадцатеричный, строчные буквы) от байтов UTF-8 строки prevHash, за которой сразу идёт каноническая форма записи.',
      'Каноническая форма — JSON по RFC 8785 (ключи по алфавиту, без пробелов) объекта из семи полей: action, actor (логин), at (время ISO 8601 в UTC с миллисекундами, например 2026-12-01T09:30:00.000Z), payload, seq (номер), subjectId, subjectType. Поле payload — строка: каноническая форма (RFC 8785) сведений записи. Эти значения напечатаны у каждой записи в строках «Хешируемые поля».',
      'Цепочку целиком отдаёт API (нужна роль аудитора или администратора процессов): GET /api/audit?afterSeq=0&limit=1000, затем afterSeq=<последний seq> до короткой страницы — записи от старых к новым, payload в них уже разобран из JSON. GET /api/audit/verify пересчитывает цепочку на сервере и отвечает { ok, entries, lastHash } или номером первой разорванной записи. Сверьте lastHash и хеши записей дела с этим документом.',
    ],
  },
  en: {
    title: 'How to verify independently',
    paragraphs: [
      "The audit trail is one hash chain for the whole system. Each entry stores the previous entry's hash (prevHash); the first one stores 64 zeros. This case's entries sit in the global chain at the sequence numbers given; entries of other cases lie between them, so checking the links needs the whole chain.",
      "An entry's hash = SHA-256 (hexadecimal, lower case) over the UTF-8 bytes of prevHash immediately followed by the entry's canonical form.",
      "The canonical form is RFC 8785 JSON (keys sorted, no spaces) of an object of seven fields: action, actor (the login), at (ISO 8601 UTC time with milliseconds, e.g. 2026-12-01T09:30:00.000Z), payload, seq (the number), subjectId, subjectType. payload is a string: the RFC 8785 canonical form of the entry's details. These values are printed with every entry under “Hashed fields”.",
      'The API gives the whole chain (auditor or process-admin role): GET /api/audit?afterSeq=0&limit=1000, then afterSeq=<last seq> until a short page — entries oldest first, their payload already parsed from JSON. GET /api/audit/verify recomputes the chain on the server and answers { ok, entries, lastHash } or the first broken entry. Compare lastHash and this case\'s hashes with this document.',
    ],
  },
};
