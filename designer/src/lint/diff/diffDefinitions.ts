import type { ModdleElement } from 'bpmn-moddle';
import { elementFacets, type FacetName, type Facets } from './elementFacets';

/** An element that exists on one side only. */
export interface ElementSummary {
  id: string;
  type: string;
  name?: string;
}

/** One aspect of an element that differs; `before` / `after` are absent when unset on that side. */
export interface FacetChange {
  facet: FacetName;
  before?: string;
  after?: string;
}

/** An element on both sides whose reviewable aspects differ. */
export interface ElementChange extends ElementSummary {
  changes: FacetChange[];
}

/** What a new version changes against an older one, element by element; layout alone changes nothing. */
export interface DefinitionsDiff {
  added: ElementSummary[];
  removed: ElementSummary[];
  changed: ElementChange[];
}

/** The processes, their flow elements (inside sub-processes too) and their participants' processes, by id. */
function elementsById(definitions: ModdleElement): Map<string, ModdleElement> {
  const found = new Map<string, ModdleElement>();
  const visit = (element: ModdleElement) => {
    if (element.id) found.set(element.id, element);
    for (const child of (element.flowElements ?? []) as ModdleElement[]) visit(child);
  };
  for (const root of (definitions.rootElements ?? []) as ModdleElement[]) if (root.$instanceOf('bpmn:Process')) visit(root);
  return found;
}

function summary(element: ModdleElement, facets: Facets = elementFacets(element)): ElementSummary {
  return { id: String(element.id), type: element.$type, ...(facets.name ? { name: facets.name } : {}) };
}

function facetChanges(before: Facets, after: Facets): FacetChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])] as FacetName[];
  return names.filter((facet) => before[facet] !== after[facet]).map((facet) => ({ facet, before: before[facet], after: after[facet] }));
}

/** Compares two parsed BPMN documents (see `readDefinitions`) by element id, on meaning rather than on text. */
export function diffDefinitions(before: ModdleElement, after: ModdleElement): DefinitionsDiff {
  const old = elementsById(before);
  const now = elementsById(after);
  // Code-point order: the same on every machine, whatever its locale.
  const byId = (a: ElementSummary, b: ElementSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const added = [...now.values()].filter((element) => !old.has(String(element.id))).map((element) => summary(element));
  const removed = [...old.values()].filter((element) => !now.has(String(element.id))).map((element) => summary(element));
  const changed: ElementChange[] = [];
  for (const [id, element] of now) {
    const previous = old.get(id);
    if (!previous) continue;
    const facets = elementFacets(element);
    const changes = facetChanges(elementFacets(previous), facets);
    if (changes.length) changed.push({ ...summary(element, facets), changes });
  }
  return { added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId) };
}

/** Whether the diff finds no difference at all. */
export function isEmptyDiff(diff: DefinitionsDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length;
}
