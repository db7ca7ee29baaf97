/** The part of diagram-js's canvas a read-only diagram's controls use. */
export interface ViewerCanvas {
  zoom(level?: number | 'fit-viewport', center?: 'auto' | { x: number; y: number }): number;
  scroll(delta: { dx: number; dy: number }): void;
  viewbox(): { x: number; y: number; width: number; height: number; scale: number; inner: { x: number; y: number; width: number; height: number } };
  getContainer(): HTMLElement;
}

/** Bounds of a diagram element, as the element registry holds them. */
export interface ElementBounds {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** Zooms by `factor` around the middle of what is shown. */
export function zoomBy(canvas: ViewerCanvas, factor: number): void {
  const box = canvas.viewbox();
  canvas.zoom(Math.min(4, Math.max(0.2, box.scale * factor)), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
}

/** Shows `elements` centred at a size a phone can read (at least 0.8), or all of the diagram when that fits. */
export function focusOn(canvas: ViewerCanvas, elements: ElementBounds[]): void {
  if (!elements.length) {
    canvas.zoom('fit-viewport', 'auto');
    return;
  }
  const left = Math.min(...elements.map((e) => e.x));
  const top = Math.min(...elements.map((e) => e.y));
  const right = Math.max(...elements.map((e) => e.x + (e.width ?? 0)));
  const bottom = Math.max(...elements.map((e) => e.y + (e.height ?? 0)));
  canvas.zoom(Math.max(0.8, canvas.viewbox().scale), { x: (left + right) / 2, y: (top + bottom) / 2 });
  const box = canvas.viewbox();
  // Centre the elements in the view (zoom keeps the given point still, it does not centre it).
  canvas.scroll({ dx: (box.x + box.width / 2 - (left + right) / 2) * box.scale, dy: (box.y + box.height / 2 - (top + bottom) / 2) * box.scale });
}

/**
 * Drags the diagram with one finger. diagram-js pans with the mouse only; on a touch screen a drag
 * would scroll the page instead (touch-action: none on the canvas keeps it for the diagram).
 */
export function enableTouchPan(canvas: ViewerCanvas): () => void {
  const container = canvas.getContainer();
  let last: { x: number; y: number } | null = null;
  const down = (event: PointerEvent) => {
    if (event.pointerType === 'touch') last = { x: event.clientX, y: event.clientY };
  };
  const move = (event: PointerEvent) => {
    if (!last || event.pointerType !== 'touch') return;
    canvas.scroll({ dx: event.clientX - last.x, dy: event.clientY - last.y });
    last = { x: event.clientX, y: event.clientY };
  };
  const up = () => {
    last = null;
  };
  container.addEventListener('pointerdown', down);
  container.addEventListener('pointermove', move);
  container.addEventListener('pointerup', up);
  container.addEventListener('pointercancel', up);
  return () => {
    container.removeEventListener('pointerdown', down);
    container.removeEventListener('pointermove', move);
    container.removeEventListener('pointerup', up);
    container.removeEventListener('pointercancel', up);
  };
}
