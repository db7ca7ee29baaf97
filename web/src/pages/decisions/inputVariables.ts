import type { TableInput } from '@dealerflow/designer';

const PATH = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

/** Turns the entered texts into variables by the columns' input expressions (a path such as `claim.mileageKm` nests) and typeRefs. */
export function inputVariables(inputs: TableInput[], values: Record<string, string>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const input of inputs) {
    if (!PATH.test(input.expression)) continue;
    const text = values[input.id] ?? '';
    const names = input.expression.split('.');
    let target = variables;
    for (const name of names.slice(0, -1)) {
      const next = target[name];
      target = (target[name] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>;
    }
    target[names[names.length - 1]] = valueOf(text, input.typeRef);
  }
  return variables;
}

function valueOf(text: string, typeRef: string | undefined): unknown {
  if (text === '') return null;
  if (typeRef === 'number') return Number(text);
  if (typeRef === 'boolean') return text === 'true';
  return text;
}
