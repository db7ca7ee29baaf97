/** Builds a small DMN 1.3 resource with one decision table, for the evaluation tests. */
export function table(opts: { hitPolicy?: string; aggregation?: string; outputs?: Array<{ name: string; values?: string }>; rules: Array<[string[], string[]]>; inputs?: string[] }): string {
  const inputs = opts.inputs ?? ['amount'];
  const outputs = opts.outputs ?? [{ name: 'tier' }];
  const attrs = `${opts.hitPolicy ? ` hitPolicy="${opts.hitPolicy}"` : ''}${opts.aggregation ? ` aggregation="${opts.aggregation}"` : ''}`;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="t" namespace="http://dealerflow.example/test">
  <decision id="d" name="D"><decisionTable id="dt"${attrs}>
    ${inputs.map((text, i) => `<input id="i${i}"><inputExpression id="ie${i}"><text>${esc(text)}</text></inputExpression></input>`).join('')}
    ${outputs.map((o, i) => `<output id="o${i}" name="${o.name}">${o.values ? `<outputValues id="ov${i}"><text>${esc(o.values)}</text></outputValues>` : ''}</output>`).join('')}
    ${opts.rules.map(([ins, outs], r) => `<rule id="r${r}">${ins.map((t, i) => `<inputEntry id="r${r}i${i}"><text>${esc(t)}</text></inputEntry>`).join('')}${outs.map((t, i) => `<outputEntry id="r${r}o${i}"><text>${esc(t)}</text></outputEntry>`).join('')}</rule>`).join('')}
  </decisionTable></decision>
</definitions>`;
}
