import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const processesRoot = join(__dirname, '..', '..', '..', 'processes');

/** Every BPMN file we ship (`processes/<process>/*.bpmn`), as [path under processes/, xml]. */
export function shippedBpmn(): [string, string][] {
  return readdirSync(processesRoot)
    .filter((folder) => !['src', 'test', 'dist', 'node_modules'].includes(folder) && statSync(join(processesRoot, folder)).isDirectory())
    .flatMap((folder) =>
      readdirSync(join(processesRoot, folder))
        .filter((name) => name.endsWith('.bpmn'))
        .map((name): [string, string] => [`${folder}/${name}`, readFileSync(join(processesRoot, folder, name), 'utf8')]),
    );
}

/** Whether the processes folder is there at all (it is in this monorepo). */
export const hasProcesses = existsSync(processesRoot);
