import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The web package folder. */
export const webDir = join(__dirname, '..', '..');

/** Builds web/dist with Vite unless it is newer than every source; returns the dist folder. */
export function ensureWebBuilt(): string {
  const dist = join(webDir, 'dist');
  const index = join(dist, 'index.html');
  // The designer's source and the shipped BPMN are bundled into web/dist too.
  const designer = join(webDir, '..', 'designer');
  const shippedBpmn = join(webDir, '..', 'processes', 'warranty', 'warranty-claim.bpmn');
  const sources = [join(webDir, 'src'), join(webDir, 'index.html'), join(webDir, 'vite.config.mts'), join(webDir, 'package.json'), join(designer, 'src'), join(designer, 'package.json'), shippedBpmn];
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return dist;
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [webDir] })), 'bin', 'vite.js');
  try {
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'pipe' });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`vite build failed in ${webDir}:\n${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? ''}`, { cause: error });
  }
  return dist;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}
