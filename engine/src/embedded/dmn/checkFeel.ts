import { feelSyntaxError } from '../feel/Expression';

/** Collects a problem of a model element. */
export type Report = (elementId: string | undefined, message: string) => void;

/** Reports the FEEL syntax error of an expression, if any. */
export function checkFeel(text: string, elementId: string, what: string, report: Report): void {
  const error = text === '' ? undefined : feelSyntaxError(text);
  if (error) report(elementId, `${what}: ${error}`);
}
