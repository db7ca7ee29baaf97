import type { Designer } from '@dealerflow/designer';
import { designerApi } from './designerApi';

/** A form definition as the designer carries it with a diagram. */
export type LinkedForm = { id: string; title?: { ru?: string; en?: string } };

/** The forms the diagram links, as the form builder has them now, else as the draft kept them. */
export async function linkedForms(designer: Designer, kept: LinkedForm[]): Promise<LinkedForm[]> {
  const forms = await Promise.all(designer.formIds().map(async (id) => (await designerApi.builderForm(id)) ?? kept.find((form) => form.id === id) ?? null));
  return forms.filter((form): form is LinkedForm => form !== null);
}
