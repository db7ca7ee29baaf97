import { parseExpression } from 'feelin';

/**
 * Why `expression` (without its leading `=`) is not a FEEL expression, or null when it parses.
 * The FEEL grammar is lenient: it parses `a >> 5` as `a > (>5)`, a unary test that FEEL only
 * allows after `in`, so such stray tests count as errors too.
 */
export function feelSyntaxError(expression: string): string | null {
  if (expression.trim() === '') return 'the expression is empty';
  let problem: string | null = null;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (problem !== null) return false;
      if (node.type.isError) {
        problem = node.from >= expression.length ? 'the expression ends too early' : `unexpected "${expression.slice(node.from, Math.max(node.to, node.from + 1))}" at position ${node.from + 1}`;
      } else if (node.name === 'SimplePositiveUnaryTest' && node.node.parent?.name !== 'PositiveUnaryTest' && node.node.firstChild?.name === 'CompareOp') {
        problem = `a comparison without a left-hand side at position ${node.from + 1}`;
      }
      return undefined;
    },
  });
  return problem;
}
