import { writableForm } from '../src';

const schema = {
  type: 'object',
  required: ['question', 'answer'],
  properties: {
    question: { type: 'string', readOnly: true },
    answer: { type: 'string' },
    note: { type: 'string' },
    parts: { type: 'array', items: { type: 'object', required: ['price'], properties: { name: { type: 'string' }, price: { type: 'number', readOnly: true } } } },
  },
};

describe('writableForm', () => {
  it('drops read-only fields (readOnly and ui:readonly) from schema, required and data, at any depth', () => {
    const result = writableForm(schema, { note: { 'ui:readonly': true } }, { question: 'forged', answer: 'a', note: 'forged', parts: [{ name: 'pump', price: 1 }] });
    expect(result.data).toEqual({ answer: 'a', parts: [{ name: 'pump' }] });
    expect(result.dropped.sort()).toEqual(['note', 'parts[].price', 'question']);
    expect(result.schema).toMatchObject({ required: ['answer'], properties: { answer: { type: 'string' }, parts: { items: { required: [], properties: { name: { type: 'string' } } } } } });
    expect(Object.keys((result.schema as { properties: object }).properties).sort()).toEqual(['answer', 'parts']);
  });

  it('keeps a form without read-only fields as it is', () => {
    const plain = { type: 'object', properties: { answer: { type: 'string' } } };
    expect(writableForm(plain, undefined, { answer: 'a', other: 1 })).toEqual({ schema: plain, data: { answer: 'a', other: 1 }, dropped: [] });
  });
});
