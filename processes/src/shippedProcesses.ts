import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinition } from '@dealerflow/contract';

/** A file to deploy: BPMN, DMN or one of our JSON-Schema forms. */
export interface ProcessResource {
  name: string;
  content: string;
}

/** One of our JSON-Schema form definitions (`*.form.json`), as the API contract defines forms. */
export type { FormDefinition } from '@dealerflow/contract';

/** Where the shipped processes live: next to `src/` in the source tree and the build. */
export const processesRoot = join(__dirname, '..');

/** The folders of the processes we ship, one per process. */
export const shippedProcessFolders = ['warranty', 'credit-limit-check', 'vehicle-allocation', 'lead-distribution', 'tender-reservation'];

/** Every resource of one shipped process folder: its BPMN and DMN files and its forms. */
export function resourcesOf(folder: string): ProcessResource[] {
  const dir = join(processesRoot, folder);
  const files = readdirSync(dir).filter((name) => /\.(bpmn|dmn)$/.test(name)).map((name) => ({ name, path: join(dir, name) }));
  const formsDir = join(dir, 'forms');
  const forms = readdirSync(formsDir).filter((name) => name.endsWith('.form.json')).map((name) => ({ name, path: join(formsDir, name) }));
  return [...files, ...forms].map(({ name, path }) => ({ name, content: readFileSync(path, 'utf8') }));
}

/** Every resource of every shipped process, ready for `POST /api/deployments`. */
export function shippedResources(): ProcessResource[] {
  return shippedProcessFolders.flatMap(resourcesOf);
}

/** The form definitions among `resources`, parsed. */
export function formsIn(resources: ProcessResource[]): FormDefinition[] {
  return resources.filter((r) => r.name.endsWith('.form.json')).map((r) => JSON.parse(r.content) as FormDefinition);
}
