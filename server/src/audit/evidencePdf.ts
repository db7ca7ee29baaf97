import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Evidence, EvidenceEntry } from './AuditEvidence';
import { nodeSnippet, pythonSnippet, verifyGuide } from './verifyGuide';

import { woffToSfnt } from './woffToSfnt';

// pdfkit's built-in fonts have no Cyrillic: embed DejaVu (SIL OFL), full glyph set in the "latin" files.
const fontFiles = {
  regular: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  bold: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
  mono: '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff',
};
let fonts: Record<keyof typeof fontFiles, Buffer> | undefined;
/** The fonts, unpacked once on first use. */
function loadFonts(): Record<keyof typeof fontFiles, Buffer> {
  fonts ??= { regular: unpack(fontFiles.regular), bold: unpack(fontFiles.bold), mono: unpack(fontFiles.mono) };
  return fonts;
}
const unpack = (name: string) => woffToSfnt(readFileSync(require.resolve(name)));
const GREY = '#555555';

const stamp = (at: Date) => `${at.toISOString()} (UTC)`;

/** Renders the evidence of one case: header, the case's place in the chain, every entry, and how to verify. */
export function evidencePdf(evidence: Evidence): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Evidence ${evidence.caseRef}`, Subject: 'Audit trail evidence', Creator: 'Dealerflow' } });
  const { regular, bold, mono } = loadFonts();
  doc.registerFont('regular', regular).registerFont('bold', bold).registerFont('mono', mono);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(16).text(`Журнал аудита по делу ${evidence.caseRef}`);
  doc.font('regular').fontSize(11).fillColor(GREY).text(`Audit trail evidence of case ${evidence.caseRef}`).fillColor('black').moveDown();
  const row = (ru: string, en: string, value: string, mono = false) => {
    doc.font('bold').fontSize(9).text(`${ru} / ${en}: `, { continued: true }).font(mono ? 'mono' : 'regular').text(value);
  };
  row('Номер дела', 'Case reference', evidence.caseRef);
  row('Процесс', 'Process', evidence.process.ru === evidence.process.en ? evidence.process.ru : `${evidence.process.ru} / ${evidence.process.en}`);
  row('Дилер', 'Dealer', evidence.dealerName ?? '—');
  row('Ключ экземпляра процесса', 'Process instance key', evidence.instanceKey, true);
  row('Выгружено', 'Exported at', stamp(evidence.exportedAt));
  row('Выгрузил(а)', 'Exported by', evidence.exportedBy);
  row('Записей по делу', 'Entries of the case', String(evidence.entries.length));
  row('Длина цепочки при выгрузке', 'Chain length at export', String(evidence.chainLength));
  row('Последний хеш цепочки', 'Chain head hash', evidence.chainHead, true);
  doc.moveDown();

  placeInChain(doc, evidence);
  for (const entry of evidence.entries) entryBlock(doc, entry);
  guide(doc);
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, ru: string, en: string): void {
  doc.moveDown(0.5).font('bold').fontSize(12).fillColor('black').text(`${ru} / ${en}`).moveDown(0.3);
}

function placeInChain(doc: PDFKit.PDFDocument, evidence: Evidence): void {
  heading(doc, 'Место в общей цепочке', 'Place in the global chain');
  const first = evidence.entries[0];
  const last = evidence.entries[evidence.entries.length - 1];
  const seqs = evidence.entries.map((e) => `#${e.seq}`).join(', ');
  doc.font('regular').fontSize(9)
    .text(`Записи дела занимают в общей цепочке номера ${seqs}. Отрезок цепочки от #${first.seq} до #${last.seq} содержит ${last.seq - first.seq + 1} записей; каждая связана с предыдущей через prevHash. Перед первой записью дела стоит запись #${first.seq - 1} с хешем:`)
    .font('mono').fontSize(8).text(first.prevHash)
    .font('regular').fontSize(9).fillColor(GREY)
    .text(`The case's entries sit in the global chain at ${seqs}. The chain segment from #${first.seq} to #${last.seq} holds ${last.seq - first.seq + 1} entries, each linked to the one before by prevHash. The entry before the case's first one is #${first.seq - 1}, hash above.`)
    .fillColor('black');
}

function entryBlock(doc: PDFKit.PDFDocument, entry: EvidenceEntry): void {
  if (doc.y > doc.page.height - 220) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(10).fillColor('black').text(`#${entry.seq} · ${stamp(entry.at)} · ${entry.actorName.ru}${entry.actorName.ru === entry.actorName.en ? '' : ` / ${entry.actorName.en}`}`);
  doc.font('regular').fontSize(10).text(entry.text.ru);
  doc.fontSize(9).fillColor(GREY).text(entry.text.en).fillColor('black');
  for (const field of entry.fields) {
    const value = field.value.ru === field.value.en ? field.value.ru : `${field.value.ru} / ${field.value.en}`;
    doc.font('bold').fontSize(8.5).text(`${field.label.ru} / ${field.label.en}: `, { indent: 10, continued: true }).font('regular').text(value);
  }
  doc.font('mono').fontSize(7.5);
  doc.text(`hash       ${entry.hash}`);
  doc.text(`prevHash   ${entry.prevHash}  (#${entry.seq - 1})`);
  doc.fillColor(GREY).text(`Хешируемые поля / Hashed fields: seq=${entry.seq} at=${entry.at.toISOString()} actor=${entry.actor} action=${entry.action} subjectType=${entry.subjectType} subjectId=${entry.subjectId} payload=${entry.payload}`).fillColor('black');
}

function guide(doc: PDFKit.PDFDocument): void {
  doc.addPage();
  for (const language of [verifyGuide.ru, verifyGuide.en]) {
    doc.font('bold').fontSize(13).fillColor('black').text(language.title).moveDown(0.3);
    for (const paragraph of language.paragraphs) doc.font('regular').fontSize(9.5).text(paragraph).moveDown(0.4);
    doc.moveDown(0.5);
  }
  code(doc, 'Node.js', nodeSnippet);
  code(doc, 'Python 3', pythonSnippet);
}

/** A snippet line by line, each indented by its own leading spaces (Python's blocks depend on them). */
function code(doc: PDFKit.PDFDocument, title: string, snippet: string): void {
  doc.font('bold').fontSize(10).text(title).font('mono').fontSize(7.5);
  const space = doc.widthOfString(' ');
  for (const line of snippet.split('\n')) {
    const body = line.trimStart();
    doc.text(body === '' ? ' ' : body, { indent: (line.length - body.length) * space });
  }
  doc.moveDown();
}
