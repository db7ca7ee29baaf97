import { parseExpression } from 'feelin';

/** Collects a problem of a model element; `names` are the model's variable names, so names with spaces or apostrophes parse. */
export interface Report {
  (elementId: string | undefined, message: string): void;
  names?: Record<string, unknown>;
}

/** Reports the FEEL syntax error of an expression, if any. */
export function checkFeel(text: string, elementId: string, what: string, report: Report): void {
  if (text === '') return;
  let error: string | undefined;
  try {
    parseExpression(text, report.names ?? {}, undefined).iterate({
      enter(node) {
        if (node.type.isError && !error) error = `syntax error at ${node.from} in '${text}'`;
      },
    });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (error) report(elementId, `${what}: ${error}`);
}
