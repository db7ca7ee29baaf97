import { compileValidator } from '../src';

const claim = compileValidator<{ vin: string; mileage: number; parts?: { price: number }[] }>({
  type: 'object',
  properties: {
    vin: { type: 'string', pattern: '^[A-HJ-NPR-Z0-9]{17}$' },
    mileage: { type: 'integer', minimum: 0 },
    repairDate: { type: 'string', format: 'date' },
    parts: { type: 'array', items: { type: 'object', properties: { price: { type: 'number', minimum: 0 } }, required: ['price'] } },
  },
  required: ['vin', 'mileage'],
  additionalProperties: false,
});

describe('compileValidator', () => {
  it('accepts valid data and returns it', () => {
    const value = { vin: 'XW8ZZZ61ZEG123456', mileage: 42000 };
    expect(claim(value)).toEqual({ ok: true, value });
  });

  it('names every bad field with a dotted path', () => {
    const result = claim({ vin: 'short', mileage: -1, repairDate: '31.12.2026', parts: [{ price: 10 }, { price: -5 }], colour: 'red' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['colour', 'mileage', 'parts.1.price', 'repairDate', 'vin']);
    expect(result.errors.find((e) => e.field === 'colour')?.message).toBe('is not allowed');
  });

  it('names a missing required field itself, not its parent', () => {
    const result = claim({ vin: 'XW8ZZZ61ZEG123456' });
    expect(result).toEqual({ ok: false, errors: [{ field: 'mileage', message: "must have required property 'mileage'" }] });
  });

  it('reports a non-object body at the root', () => {
    expect(claim(null)).toMatchObject({ ok: false, errors: [{ field: '(root)' }] });
  });
});
