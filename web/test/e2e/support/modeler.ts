import type { Page } from 'playwright-core';

/** Selects a shape (until it shows as selected) and clicks one of its context pad entries. */
export async function contextPadAction(page: Page, elementId: string, action: string): Promise<void> {
  const selected = page.locator(`.djs-element.selected[data-element-id="${elementId}"]`);
  // A click that only ends the label editing of a new shape does not select it: click until it is.
  for (let attempt = 0; attempt < 3 && !(await selected.isVisible()); attempt++) {
    await page.keyboard.press('Escape');
    await page.locator(`.djs-element[data-element-id="${elementId}"]`).click();
    await selected.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
}

/** The id of the one shape whose id starts with `prefix`. */
export async function shapeId(page: Page, prefix: string): Promise<string> {
  const shape = page.locator(`.djs-shape[data-element-id^="${prefix}"]`);
  await shape.waitFor();
  return (await shape.getAttribute('data-element-id'))!;
}

/** The designer's lint finding row of `rule` about element `id`. */
export function issueRow(page: Page, rule: string, id: string) {
  return page.locator(`[data-testid="lint-issues"] .lint-issue[data-rule="${rule}"][data-element="${id}"]`);
}

/** Opens a collapsed group of the properties panel. */
export async function openGroup(page: Page, group: string): Promise<void> {
  const header = page.locator(`[data-group-id="group-${group}"] .bio-properties-panel-group-header`);
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/**
 * Opens the designer from the side menu and waits for its modeler. The modeler loads on first
 * visit, and the click waits for that navigation: on a busy machine longer than a click's timeout.
 */
export async function openDesigner(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Дизайнер' }).click({ timeout: 30_000 });
  await page.locator('.djs-palette').waitFor({ timeout: 30_000 });
}
