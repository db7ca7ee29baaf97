import type { TenderProduct } from '@dealerflow/contract';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { ItemsResponse } from '../api/types';
import { useApiResource } from '../api/useApiResource';

/** A model from the distributor's catalog (`"ui:widget": "tender-product"`): the form keeps its code; retired models are offered only where already chosen. */
export function TenderProductWidget({ id, value, onChange, disabled, readonly, required }: WidgetProps) {
  const { t } = useTranslation();
  const { resource } = useApiResource<ItemsResponse<TenderProduct>>('/api/tenders/products');
  const products = resource.status === 'ready' ? resource.data.items : [];
  const current = typeof value === 'string' ? value : '';
  if (readonly) return <span id={id}>{products.find((p) => p.code === current)?.name ?? current}</span>;
  return (
    <select id={id} className="form-control" value={current} required={required} disabled={disabled || resource.status !== 'ready'} onChange={(event) => onChange(event.target.value || undefined)}>
      <option value="">{resource.status === 'loading' ? t('status.loading') : t('forms.chooseModel')}</option>
      {products.filter((p) => p.active || p.code === current).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
    </select>
  );
}
