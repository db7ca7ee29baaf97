import { linearProcess, userTaskFor } from './linearProcess';

/**
 * A small valid process (`tiny-versions` unless `id` says otherwise): Start → Review → End, or, with `secondReview`,
 * Start → Review → Second review → End. Both user tasks go to `sales` with form `tiny-form`.
 */
export function tinyProcess({ id = 'tiny-versions', name = 'Tiny versions', reviewName = 'Review', secondReview = false } = {}): string {
  const review = { id: 'Review', name: reviewName, extensions: userTaskFor('sales', 'tiny-form') };
  const second = { id: 'SecondReview', name: 'Second review', extensions: userTaskFor('sales', 'tiny-form') };
  return linearProcess({ id, name, steps: secondReview ? [review, second] : [review] });
}

/** The form the tiny process's tasks use. */
export const tinyForm = { id: 'tiny-form', title: { ru: 'Проверка', en: 'Review' }, schema: { type: 'object', properties: { ok: { type: 'boolean' } } } };
