import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { TenderProduct } from './tenderTypes';

/** One catalog model: its name and place edited in place, retired or offered again with one click. */
export function TenderProductRow({ product, onChange }: { product: TenderProduct; onChange: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<{ name: string; sortOrder: number } | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const change = async (body: Partial<Pick<TenderProduct, 'name' | 'sortOrder' | 'active'>>) => {
    setBusy(true);
    setMessage('');
    try {
      await apiFetch(`/api/tenders/products/${encodeURIComponent(product.code)}`, { method: 'PATCH', body });
      setDraft(null);
      onChange();
    } catch (error) {
      setMessage(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft) void change({ name: draft.name.trim(), sortOrder: draft.sortOrder });
  };
  const formId = `tender-product-${product.code}`;
  // The buttons carry keys: reusing the clicked "edit" button's element as "save" would submit the form in the same click.
  return (
    <tr data-product={product.code} data-active={product.active}>
      <td className="mono">{product.code}</td>
      <td>
        {draft ? (
          <form id={formId} onSubmit={save}>
            <input type="text" aria-label={t('tenders.catalog.nameOf', { code: product.code })} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} maxLength={128} required />
          </form>
        ) : product.name}
        {message && <p className="form-error" role="alert">{message}</p>}
      </td>
      <td>
        {draft
          ? <input form={formId} type="number" min={0} max={100000} aria-label={t('tenders.catalog.orderOf', { code: product.code })} value={draft.sortOrder} onChange={(event) => setDraft({ ...draft, sortOrder: Number(event.target.value) })} required />
          : product.sortOrder}
      </td>
      <td>{t(product.active ? 'tenders.catalog.offered' : 'tenders.catalog.retired')}</td>
      <td className="nowrap">
        {draft ? (
          <>
            <button key="save" type="submit" form={formId} className="button button--primary button--small" disabled={busy}>{t('tenders.catalog.save')}</button>{' '}
            <button key="cancel" type="button" className="button button--secondary button--small" onClick={() => setDraft(null)}>{t('tenders.catalog.cancel')}</button>
          </>
        ) : (
          <>
            <button key="edit" type="button" className="button button--secondary button--small" onClick={() => setDraft({ name: product.name, sortOrder: product.sortOrder })}>{t('tenders.catalog.edit')}</button>{' '}
            <button key="toggle" type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void change({ active: !product.active })}>
              {t(product.active ? 'tenders.catalog.retire' : 'tenders.catalog.offer')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
