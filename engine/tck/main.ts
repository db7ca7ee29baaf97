import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDmn } from '@dealerflow/engine';
import { runCase, type LoadedModel } from './runCase';
import { childrenNamed, parseXml } from './xml';

/** Per compliance level: cases and result nodes passed and failed, and failures by category. */
interface Tally {
  cases: { passed: number; failed: number };
  nodes: { passed: number; failed: number };
  categories: Map<string, number>;
  failures: string[];
  models: number;
  undeployable: string[];
}

async function loadModel(dir: string, modelName: string): Promise<LoadedModel> {
  const file = join(dir, modelName);
  if (!existsSync(file)) return { decisions: [], refused: `missing ${modelName}` };
  const xml = readFileSync(file, 'utf8');
  if (/<(\w+:)?import\b/.test(xml)) return { decisions: [], refused: 'imports another model' };
  const { decisions, problems } = await parseDmn(modelName, xml);
  const fatal = problems.find((p) => /malformed XML/.test(p.message));
  return fatal ? { decisions: [], refused: fatal.message } : { decisions, problems: problems.map((p) => p.message.split('\n')[0]) };
}

async function runLevel(root: string, level: string, filter: string | undefined): Promise<Tally> {
  const tally: Tally = { cases: { passed: 0, failed: 0 }, nodes: { passed: 0, failed: 0 }, categories: new Map(), failures: [], models: 0, undeployable: [] };
  for (const test of readdirSync(join(root, level), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    if (filter && !test.includes(filter)) continue;
    const dir = join(root, level, test);
    for (const file of readdirSync(dir).filter((f) => /-test-\d+\.xml$/.test(f)).sort()) {
      const doc = parseXml(readFileSync(join(dir, file), 'utf8')).children[0];
      const modelName = childrenNamed(doc, 'modelName')[0]?.text.trim() ?? `${test}.dmn`;
      const model = await loadModel(dir, modelName);
      tally.models += 1;
      if (model.refused || model.problems?.length) tally.undeployable.push(`${test}: ${model.refused ?? model.problems![0]}`);
      for (const testCase of childrenNamed(doc, 'testCase')) {
        const outcomes = runCase(model, testCase);
        const passed = outcomes.every((o) => o.passed);
        tally.cases[passed ? 'passed' : 'failed'] += 1;
        outcomes.forEach((o, i) => {
          tally.nodes[o.passed ? 'passed' : 'failed'] += 1;
          if (o.passed) return;
          tally.categories.set(o.category!, (tally.categories.get(o.category!) ?? 0) + 1);
          tally.failures.push(`${test} #${testCase.attributes.id ?? '?'} ${childrenNamed(testCase, 'resultNode')[i].attributes.name}: ${o.category}: ${o.detail ?? ''}`.slice(0, 300));
        });
      }
    }
  }
  return tally;
}

const percent = (p: number, f: number) => (p + f === 0 ? '-' : `${((100 * p) / (p + f)).toFixed(1)}%`);

async function main(): Promise<void> {
  const root = process.env.DMN_TCK_DIR;
  if (!root) {
    console.error('Set DMN_TCK_DIR to a checkout of the DMN TCK (github.com/dmn-tck/tck); the suite is never copied into this repository.');
    process.exit(2);
  }
  const cases = existsSync(join(root, 'TestCases')) ? join(root, 'TestCases') : root;
  const filter = process.argv[2];
  for (const level of ['compliance-level-2', 'compliance-level-3']) {
    const t = await runLevel(cases, level, filter);
    console.log(`\n${level}: ${t.cases.passed}/${t.cases.passed + t.cases.failed} test cases passed (${percent(t.cases.passed, t.cases.failed)}); result nodes ${t.nodes.passed}/${t.nodes.passed + t.nodes.failed}`);
    for (const [category, count] of [...t.categories].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(5)}  ${category}`);
    console.log(`  models the engine would refuse to deploy: ${t.undeployable.length} of ${t.models}`);
    if (process.env.DMN_TCK_VERBOSE) for (const f of [...t.undeployable, ...t.failures]) console.log(`    ${f}`);
  }
}

void main();
