import { linearProcess, type LinearStep } from './linearProcess';

/**
 * A valid, laid-out process of about `kilobytes` KB: a long chain of user tasks with input
 * and output mappings and documentation, like a big model a customer might draw.
 */
export function largeProcess(id: string, kilobytes: number): string {
  const step = (i: number): LinearStep => ({
    id: `Review_${i}`,
    name: `Review step ${i} of the claim and its documents`,
    extensions: `<zeebe:userTask /><zeebe:formDefinition externalReference="large-review" /><zeebe:assignmentDefinition candidateGroups="warranty" /><zeebe:ioMapping><zeebe:input source="=claim.amount * ${i}" target="amount${i}" /><zeebe:input source="=if claim.mileage &gt; ${i * 100} then &quot;high&quot; else &quot;low&quot;" target="band${i}" /><zeebe:output source="=decision${i}" target="decisions.step${i}" /></zeebe:ioMapping>`,
  });
  const perStep = linearProcess({ id, name: 'Large', steps: [step(1), step(2)] }).length - linearProcess({ id, name: 'Large', steps: [step(1)] }).length;
  const count = Math.max(1, Math.round((kilobytes * 1024) / perStep));
  return linearProcess({ id, name: 'Large', steps: Array.from({ length: count }, (_, i) => step(i + 1)) });
}
