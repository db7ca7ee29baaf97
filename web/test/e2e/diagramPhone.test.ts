import type { Locator, Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('diagram-phone');
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** How wide the element is drawn on the screen, in CSS pixels. */
const drawnWidth = async (element: Locator) => (await element.locator('.djs-visual > :first-child').boundingBox())!.width;

/** Whether the element lies wholly inside the diagram's frame. */
async function insideFrame(frame: Locator, element: Locator): Promise<boolean> {
  const outer = (await frame.boundingBox())!;
  const inner = (await element.locator('.djs-visual > :first-child').boundingBox())!;
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Clicks a zoom control of the diagram in `scope` and waits for the drawing to change size. */
async function zoomWith(page: Page, scope: Locator, button: string, element: Locator): Promise<number> {
  const before = await drawnWidth(element);
  await scope.getByRole('group', { name: 'Масштаб схемы' }).getByRole('button', { name: button, exact: true }).click();
  for (let attempt = 0; attempt < 20 && (await drawnWidth(element)) === before; attempt++) await page.waitForTimeout(50);
  return drawnWidth(element);
}

test('on a phone the task and case diagrams open at the current step at a readable size, with zoom controls', async () => {
  const page = await suite.signedIn('dealer2.staff', phone);
  await page.getByRole('heading', { name: 'Входящие' }).waitFor();
  await page.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').first().click();

  // The task's diagram shows where the case waits, big enough to read (a task is 100 units wide),
  const taskDiagram = page.getByTestId('task-diagram');
  await page.locator('[data-testid="task-diagram"][data-ready="true"]').waitFor();
  const section = page.locator('.task-diagram');
  const step = taskDiagram.locator('.djs-element[data-element-id="ProvideInformation"]');
  await section.scrollIntoViewIfNeeded();
  expect(await drawnWidth(step)).toBeGreaterThanOrEqual(75);
  expect(await insideFrame(taskDiagram, step)).toBe(true);
  expect((await taskDiagram.boundingBox())!.height).toBeGreaterThanOrEqual(300);
  await suite.shot(page, '1-task-current-step');

  // the whole diagram is a tap away, and so are zooming in and back to the step.
  const whole = await zoomWith(page, section, 'Вся схема', step);
  expect(whole).toBeLessThan(50);
  await suite.shot(page, '2-task-whole');
  const closer = await zoomWith(page, section, 'Крупнее', step);
  expect(closer).toBeGreaterThan(whole);
  expect(await zoomWith(page, section, 'Текущий шаг', step)).toBeGreaterThanOrEqual(75);
  expect(await insideFrame(taskDiagram, step)).toBe(true);

  // A finger drags the diagram (the page does not scroll instead).
  const frame = (await taskDiagram.boundingBox())!;
  const startX = (await step.locator('.djs-visual > :first-child').boundingBox())!.x;
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await taskDiagram.locator('.djs-container').dispatchEvent('pointerdown', { pointerType: 'touch', clientX: frame.x + 200, clientY: frame.y + 150, isPrimary: true });
  await taskDiagram.locator('.djs-container').dispatchEvent('pointermove', { pointerType: 'touch', clientX: frame.x + 140, clientY: frame.y + 150, isPrimary: true });
  await taskDiagram.locator('.djs-container').dispatchEvent('pointerup', { pointerType: 'touch', clientX: frame.x + 140, clientY: frame.y + 150, isPrimary: true });
  expect(Math.round((await step.locator('.djs-visual > :first-child').boundingBox())!.x - startX)).toBe(-60);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

  // The case page's diagram does the same.
  await page.getByRole('link', { name: 'Заявки', exact: true }).click();
  await page.locator('[data-testid="case-table"] tbody tr').first().getByRole('link').first().click();
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();
  const caseDiagram = page.getByTestId('instance-diagram');
  await caseDiagram.scrollIntoViewIfNeeded();
  const waiting = caseDiagram.locator('.djs-element.instance-active').first();
  await waiting.waitFor();
  expect(await drawnWidth(waiting)).toBeGreaterThanOrEqual(75);
  expect(await insideFrame(caseDiagram, waiting)).toBe(true);
  await suite.shot(page, '3-case-diagram');
  const caseSection = page.locator('.diagram-frame').filter({ has: caseDiagram });
  const fitted = await zoomWith(page, caseSection, 'Вся схема', waiting);
  await suite.shot(page, '4-case-whole');
  expect(await zoomWith(page, caseSection, 'Текущий шаг', waiting)).toBeGreaterThan(fitted);
  expect(await insideFrame(caseDiagram, waiting)).toBe(true);
  await page.context().close();
}, 90_000);
