import { actionPhrase, type PhraseContext } from '../../src/audit/actionPhrases';
import type { AuditNames } from '../../src/audit/AuditNames';
import { AuditEntry } from '../../src/entities/AuditEntry';

const names: AuditNames = {
  person: (username) => ({ admin: 'Ирина Админова' })[username] ?? username,
  dealer: (id) => ({ dealer1: 'Автоцентр Москва', dealer2: 'Автоцентр Казань' })[id] ?? id,
  caseOf: () => undefined,
  task: () => undefined,
  process: (id) => ({ ru: id, en: id }),
};

const phrase = (action: string, subjectId: string, payload: Record<string, unknown>) => {
  const entry = Object.assign(new AuditEntry(), { action, subjectId, actor: 'admin', payload: JSON.stringify(payload) });
  const context: PhraseContext = { entry, payload, actor: { ru: 'Ирина Админова', en: 'Ирина Админова' }, names };
  return actionPhrase(context);
};

describe('audit sentences', () => {
  it('name a task by its step in the reader\'s language', () => {
    const named: AuditNames = { ...names, task: () => ({ ru: 'Принять лид', en: 'Accept the lead' }) };
    const entry = Object.assign(new AuditEntry(), { action: 'task.claim', subjectId: '1', actor: 'admin', payload: '{}' });
    expect(actionPhrase({ entry, payload: { taskKey: '1' }, actor: { ru: 'Ирина Админова', en: 'Irina Adminova' }, names: named })).toEqual({
      ru: 'Ирина Админова взял(а) в работу задачу «Принять лид»',
      en: 'Irina Adminova claimed the task “Accept the lead”',
    });
  });

  it('name reported outcomes in words, never by their codes', () => {
    expect(phrase('tender.outcome', 'TR-1', { outcome: 'won' })).toEqual({ ru: 'Итог тендера: выигран', en: 'Tender outcome: won' });
    expect(phrase('lead.outcome', 'LD-1', { outcome: 'testDrive' })).toEqual({ ru: 'Итог по лиду: тест-драйв', en: 'Lead outcome: test drive' });
    expect(phrase('lead.outcome', 'LD-1', { outcome: 'lost' }).ru).toBe('Итог по лиду: клиент потерян');
  });

  it('name every dealer a lead was offered to, one or several at once', () => {
    expect(phrase('lead.offer', 'LD-1', { dealerId: 'dealer1' }).ru).toBe('Лид предложен дилеру «Автоцентр Москва»');
    expect(phrase('lead.offer', 'LD-1', { dealerIds: ['dealer1', 'dealer2'] })).toEqual({
      ru: 'Лид предложен сразу дилерам «Автоцентр Москва», «Автоцентр Казань»: кто первым примет',
      en: 'The lead was offered at once to the dealers “Автоцентр Москва”, “Автоцентр Казань”: first to accept takes it',
    });
  });

  it('tell catalog edits apart: added, retired, offered again, renamed', () => {
    expect(phrase('tender.product.create', 'EV9', { name: 'Kia EV9', sortOrder: 7 }).ru).toBe('Ирина Админова добавил(а) в каталог тендеров модель «Kia EV9» (EV9)');
    expect(phrase('tender.product.update', 'K5', { before: { active: true }, after: { active: false } }).en).toBe('Ирина Админова retired the model K5 from tenders');
    expect(phrase('tender.product.update', 'K5', { before: { active: false }, after: { active: true } }).ru).toBe('Ирина Админова снова предложил(а) модель K5 для тендеров');
    expect(phrase('tender.product.update', 'K5', { before: { name: 'K5' }, after: { name: 'Kia K5' } }).ru).toBe('Ирина Админова изменил(а) модель K5 в каталоге тендеров');
  });
});
