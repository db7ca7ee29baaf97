import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import type { TFunction } from 'i18next';

const keys: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddItemButton]: 'forms.addItem',
  [TranslatableString.AddButton]: 'forms.addItem',
  [TranslatableString.RemoveButton]: 'forms.remove',
  [TranslatableString.MoveUpButton]: 'forms.moveUp',
  [TranslatableString.MoveDownButton]: 'forms.moveDown',
  [TranslatableString.CopyButton]: 'forms.copy',
  [TranslatableString.ErrorsLabel]: 'forms.errors',
};

/** rjsf's own button and label texts in the UI language; the rest stays as rjsf says it. */
export function rjsfTranslator(t: TFunction) {
  return (text: TranslatableString, params?: string[]): string => {
    const key = keys[text];
    return key ? t(key) : englishStringTranslator(text, params);
  };
}
