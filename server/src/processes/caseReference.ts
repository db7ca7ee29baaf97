import { randomInt } from 'node:crypto';

const prefixes: Record<string, string> = {
  'warranty-claim': 'WC',
  'tender-reservation': 'TR',
  'vehicle-allocation': 'VA',
  'credit-limit-check': 'CL',
  'lead-distribution': 'LD',
};
const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short, readable, unguessable case reference, e.g. `WC-2026-7KQ4M2`. */
export function caseReference(bpmnProcessId: string, now = new Date()): string {
  const suffix = Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${prefixes[bpmnProcessId] ?? 'CASE'}-${now.getUTCFullYear()}-${suffix}`;
}
