import { compileValidator } from '@dealerflow/forms';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addField, emptyForm, fieldsOf, moveField, removeField, withField } from '../../src/pages/designer/formBuilder/fieldModel';
import type { EditedForm } from '../../src/pages/designer/formBuilder/formsApi';

const decision = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'processes', 'warranty', 'forms', 'warranty-decision.form.json'), 'utf8')) as EditedForm;

describe('the form builder field model', () => {
  it('reads the shipped decision form as rows: types, titles in both languages, required, options, classification', () => {
    expect(fieldsOf(decision)).toEqual([
      { name: 'decision', type: 'string', titleRu: 'Решение', titleEn: 'Decision', required: true, options: ['approve', 'reject', 'requestInfo'], classification: 'internal' },
      { name: 'decisionReason', type: 'text', titleRu: 'Обоснование', titleEn: 'Reason', required: true, options: [], classification: 'internal' },
      { name: 'approvedAmount', type: 'number', titleRu: 'Сумма к возмещению, ₽', titleEn: 'Amount to reimburse, ₽', required: false, options: [], classification: 'financial' },
    ]);
  });

  it('writes a changed row back without losing what the row does not show', () => {
    const [, reason] = fieldsOf(decision);
    const form = withField(decision, 'decisionReason', { ...reason, titleRu: 'Причина', titleEn: 'Why', required: false });
    const node = (form.schema.properties as Record<string, Record<string, unknown>>).decisionReason;
    expect(node).toEqual({ type: 'string', title: 'Причина', minLength: 5, maxLength: 2000, 'x-classification': 'internal' });
    expect(form.schema.required).toEqual(['decision']);
    expect(form.labels?.en?.decisionReason).toBe('Why');
    expect(form.uiSchema?.decisionReason).toEqual({ 'ui:widget': 'textarea', 'ui:options': { rows: 3 }, 'ui:noPrefill': true });
    // Option titles and their English labels survive an edit of the row.
    expect((form.schema.properties as Record<string, { oneOf: unknown[] }>).decision.oneOf).toEqual((decision.schema.properties as Record<string, { oneOf: unknown[] }>).decision.oneOf);
  });

  it('renames, retypes, adds, moves and removes fields into a schema the shared validator compiles', () => {
    let form = addField(emptyForm('inspection'));
    form = addField(form);
    const [first] = fieldsOf(form);
    form = withField(form, first.name, { ...first, name: 'inspectedOn', type: 'date', required: true });
    const [, second] = fieldsOf(form);
    form = withField(form, second.name, { ...second, name: 'result', options: ['ok', 'defect'], classification: 'public' });
    form = moveField(form, 'result', -1);
    expect(fieldsOf(form).map((f) => f.name)).toEqual(['result', 'inspectedOn']);
    const check = compileValidator(form.schema);
    expect(check({ result: 'ok', inspectedOn: '2026-11-20' }).ok).toBe(true);
    expect(check({ result: 'maybe', inspectedOn: 'yesterday' })).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ field: 'inspectedOn' })]) });
    form = removeField(form, 'inspectedOn');
    expect(form.schema.required).toEqual([]);
    expect(fieldsOf(form).map((f) => f.name)).toEqual(['result']);
    expect(moveField(form, 'result', 1)).toBe(form);
  });
});
