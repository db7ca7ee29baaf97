import type { FeatureModule, SharedDeps } from './FeatureModule';
import type { Services } from '../services';

/**
 * Makes every module's services, in list order: each factory gets the shared dependencies and
 * the services made before it. A module that needs a service no earlier module made, makes one
 * twice, or returns other services than it declares stops the start-up, naming itself.
 */
export function makeServices(modules: readonly FeatureModule[], { dataSource, engine, options }: SharedDeps): Services {
  const made: Record<string, unknown> = { dataSource, engine };
  for (const module of modules) {
    const missing = (module.needs ?? []).filter((name) => !(name in made));
    if (missing.length) throw new Error(`module ${module.name} needs ${missing.join(', ')}, which no module before it makes`);
    const twice = (module.makes ?? []).filter((name) => name in made);
    if (twice.length) throw new Error(`module ${module.name} makes ${twice.join(', ')}, already made before it`);
    const services = module.services?.({ ...(made as unknown as Services), dataSource, engine, options }) ?? {};
    const returned = Object.keys(services).sort();
    const declared = [...(module.makes ?? [])].sort();
    if (returned.join() !== declared.join()) throw new Error(`module ${module.name} makes ${returned.join(', ') || 'nothing'} but declares ${declared.join(', ') || 'nothing'}`);
    Object.assign(made, services);
  }
  return made as unknown as Services;
}
