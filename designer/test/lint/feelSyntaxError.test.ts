import { feelSyntaxError } from '../../src/lint';

test.each([
  'coverage.covered and claimAmount <= 30000',
  'now() + duration("PT48H")',
  '{covered: covered, reasons: reasons}',
  'x in (> 5, < 10)',
  'some item in parts satisfies item.price > 100',
  'if claimAmount > 100000 then 80 else 50',
])('%s parses', (expression) => {
  expect(feelSyntaxError(expression)).toBeNull();
});

test.each([
  ['amount >> 5', 'a comparison without a left-hand side at position 9'],
  ['a +', 'the expression ends too early'],
  ['', 'the expression is empty'],
  ['foo(1, ', 'the expression ends too early'],
])('%s is refused: %s', (expression, problem) => {
  expect(feelSyntaxError(expression)).toBe(problem);
});
