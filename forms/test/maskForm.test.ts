import { maskForm, type Classification } from '../src';

const schema = {
  type: 'object',
  required: ['vin', 'approvedAmount'],
  properties: {
    vin: { type: 'string', 'x-classification': 'public' },
    customerPhone: { type: 'string', 'x-classification': 'personal' },
    approvedAmount: { type: 'number', 'x-classification': 'financial' },
    note: { type: 'string' },
    parts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          partNumber: { type: 'string', 'x-classification': 'public' },
          dealerPrice: { type: 'number', 'x-classification': 'financial' },
        },
      },
    },
  },
};
const data = {
  vin: 'XW8AN2NE3PH000101',
  customerPhone: '+7 900 000-00-00',
  approvedAmount: 12500,
  note: 'ok',
  parts: [{ partNumber: 'A-1', dealerPrice: 100 }, { partNumber: 'B-2', dealerPrice: 200 }],
  smuggled: 'not in the schema',
};
const only = (...allowed: Classification[]) => (c: Classification) => allowed.includes(c);

describe('maskForm', () => {
  it('removes financial fields at every depth from schema and data, and says what it hid', () => {
    const masked = maskForm(schema, data, only('public', 'internal', 'personal'));
    expect(masked.data).toEqual({ vin: data.vin, customerPhone: data.customerPhone, note: 'ok', parts: [{ partNumber: 'A-1' }, { partNumber: 'B-2' }] });
    expect(Object.keys((masked.schema as typeof schema).properties)).toEqual(['vin', 'customerPhone', 'note', 'parts']);
    expect((masked.schema as typeof schema).properties.parts.items.properties).not.toHaveProperty('dealerPrice');
    expect((masked.schema as typeof schema).required).toEqual(['vin']);
    expect(masked.hidden.sort()).toEqual(['approvedAmount', 'parts[].dealerPrice']);
  });

  it('keeps everything declared for a user who may see every classification, and drops undeclared keys', () => {
    const masked = maskForm(schema, data, () => true);
    expect(masked.data).toEqual({ vin: data.vin, customerPhone: data.customerPhone, approvedAmount: 12500, note: 'ok', parts: data.parts });
    expect(masked.hidden).toEqual([]);
  });

  it('treats a field without a classification as internal, containers included', () => {
    const masked = maskForm(schema, data, only('public'));
    expect(masked.data).toEqual({ vin: data.vin });
    expect(masked.hidden.sort()).toEqual(['approvedAmount', 'customerPhone', 'note', 'parts']);
  });

  it('does not change the schema or data it was given', () => {
    const before = JSON.stringify([schema, data]);
    maskForm(schema, data, only('public'));
    expect(JSON.stringify([schema, data])).toBe(before);
  });
});
