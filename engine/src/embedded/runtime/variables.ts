import type { Variables } from '../../port';
import type { InstanceRecord } from '../store/EngineStore';

/** The chain of variable scopes from an element instance up to the process ('0'), innermost first. */
export function scopeChain(rec: InstanceRecord, elementInstanceId: string): string[] {
  const chain: string[] = [];
  let id: string | undefined = elementInstanceId;
  while (id !== undefined) {
    if (rec.vars[id]) chain.push(id);
    if (id === '0') break;
    id = rec.elements[id]?.scope ?? '0';
  }
  if (chain[chain.length - 1] !== '0') chain.push('0');
  return chain;
}

/** All variables visible from an element instance, inner scopes shadowing outer ones. */
export function visibleVariables(rec: InstanceRecord, elementInstanceId: string): Variables {
  const chain = scopeChain(rec, elementInstanceId);
  if (chain.length === 1) return rec.vars['0'] ?? {};
  const out: Variables = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(out, rec.vars[chain[i]]);
  return out;
}

/** Sets a variable where it already exists in the scope chain, else on the process (Zeebe propagation). */
export function propagateVariable(rec: InstanceRecord, fromScope: string, name: string, value: unknown): void {
  const chain = scopeChain(rec, fromScope);
  const owner = chain.find((s) => Object.prototype.hasOwnProperty.call(rec.vars[s] ?? {}, name)) ?? '0';
  (rec.vars[owner] ??= {})[name] = value;
}

/** Sets a variable on one scope only. */
export function setLocalVariable(rec: InstanceRecord, scope: string, name: string, value: unknown): void {
  (rec.vars[scope] ??= {})[name] = value;
}

/** Writes a mapping target (`a` or `a.b.c`) into a variables object. */
export function assignTarget(into: Variables, target: string, value: unknown): void {
  const parts = target.split('.');
  let obj: Record<string, unknown> = into;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = obj[parts[i]];
    obj = obj[parts[i]] = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
  }
  obj[parts[parts.length - 1]] = value;
}
