import type { RegistryFieldsType } from '@rjsf/utils';
import { FreeStockPicker } from './FreeStockPicker';

/** Fields a form asks for with `ui:options.picker`: each reads live data from the API. */
export const pickerFields: RegistryFieldsType = { 'free-stock': FreeStockPicker };

/** Turns `ui:options.picker: "<name>"` into rjsf's `ui:field`, so form definitions name a picker, not a component. */
export function withPickers(uiSchema: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(uiSchema).map(([name, node]) => {
      const picker = (node as { 'ui:options'?: { picker?: unknown } } | null)?.['ui:options']?.picker;
      return [name, typeof picker === 'string' && picker in pickerFields ? { ...(node as object), 'ui:field': picker } : node];
    }),
  );
}
