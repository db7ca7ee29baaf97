import { formChanges } from '../../src/pages/designer/formChanges';

const form = (id: string, schema: object) => ({ id, title: { ru: id, en: id }, schema });

describe('the forms a deploy changes', () => {
  it('names forms added, removed and changed by content, whatever the key order', () => {
    const before = [form('claim', { type: 'object', required: ['vin'] }), form('decision', { type: 'object' }), form('old', {})];
    const after = [{ schema: { required: ['vin'], type: 'object' }, title: { en: 'claim', ru: 'claim' }, id: 'claim' }, form('decision', { type: 'object', readOnly: true }), form('new', {})];
    const changes = formChanges(before, after);
    expect(changes.changed.map((f) => f.id)).toEqual(['decision']);
    expect(changes.added.map((f) => f.id)).toEqual(['new']);
    expect(changes.removed.map((f) => f.id)).toEqual(['old']);
  });

  it('finds nothing when the forms are the same', () => {
    const forms = [form('claim', { type: 'object' })];
    expect(formChanges(forms, [form('claim', { type: 'object' })])).toEqual({ added: [], removed: [], changed: [] });
  });
});
