import { compileValidator, isValidInn } from '../src';

describe('isValidInn', () => {
  it('accepts organisations (10 digits) and individuals (12 digits) with valid check digits', () => {
    for (const inn of ['7707083893', '7736207543', '500100732259', '7830002293']) expect(isValidInn(inn)).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and anything but digits', () => {
    for (const inn of ['7707083894', '500100732258', '500100732269', '770708389', '77070838931', '77070838a3', ' 7707083893', '']) expect(isValidInn(inn)).toBe(false);
  });

  it('is the "inn" format of every compiled form, naming the field', () => {
    const validate = compileValidator({ type: 'object', properties: { customerInn: { type: 'string', format: 'inn' } } });
    expect(validate({ customerInn: '7707083893' })).toMatchObject({ ok: true });
    expect(validate({ customerInn: '7707083894' })).toEqual({ ok: false, errors: [{ field: 'customerInn', message: 'must match format "inn"' }] });
  });
});
