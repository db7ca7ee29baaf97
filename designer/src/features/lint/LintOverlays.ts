import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type { LintIssue } from '../../lint';
import { localizeLintMessage } from '../translate/lintMessagesRu';

const overlayType = 'df-lint';
const markers = { error: 'df-lint-error', warn: 'df-lint-warn' } as const;

/** Shows lint issues on the diagram: a coloured outline and a badge with the count and the messages as tooltip. */
export class LintOverlays {
  static $inject = ['canvas', 'elementRegistry', 'overlays', 'config.lint'];

  private marked: string[] = [];

  constructor(
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly overlays: Overlays,
    private readonly config: { language?: string } | undefined,
  ) {}

  /** Replaces what is shown with `issues`. */
  show(issues: readonly LintIssue[]): void {
    this.clear();
    const byElement = new Map<string, LintIssue[]>();
    for (const issue of issues) byElement.set(issue.id, [...(byElement.get(issue.id) ?? []), issue]);
    for (const [id, own] of byElement) {
      // Findings about the process itself are listed, not pinned to the canvas's edge.
      if (!this.elementRegistry.get(id) || id === this.canvas.getRootElement().id) continue;
      const category = own.some((issue) => issue.category === 'error') ? 'error' : 'warn';
      this.canvas.addMarker(id, markers[category]);
      this.marked.push(id);
      const badge = document.createElement('div');
      badge.className = `df-lint-badge df-lint-badge--${category}`;
      badge.textContent = String(own.length);
      badge.title = own.map((issue) => localizeLintMessage(issue.message, this.config?.language ?? 'en')).join('\n');
      badge.dataset.elementId = id;
      this.overlays.add(id, overlayType, { position: { top: -10, right: 10 }, html: badge });
    }
  }

  /** Removes every badge and outline. */
  clear(): void {
    this.overlays.remove({ type: overlayType });
    for (const id of this.marked) {
      if (!this.elementRegistry.get(id)) continue;
      this.canvas.removeMarker(id, markers.error);
      this.canvas.removeMarker(id, markers.warn);
    }
    this.marked = [];
  }
}
