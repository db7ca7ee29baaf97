import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { ItemsResponse } from '../../api/types';
import type { Resource } from '../../api/useApiResource';
import type { TenderProduct } from './tenderTypes';
import { TenderProductRow } from './TenderProductRow';

/** The catalog's upkeep for whoever manages it: add a model, rename or reorder one, retire it from new tenders or offer it again. */
export function TenderCatalogPanel({ products, onChange }: { products: Resource<ItemsResponse<TenderProduct>>; onChange: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      const next = products.status === 'ready' ? Math.max(0, ...products.data.items.map((p) => p.sortOrder)) + 1 : 0;
      await apiFetch('/api/tenders/products', { method: 'POST', body: { code: code.trim().toUpperCase(), name: name.trim(), sortOrder: next } });
      setCode('');
      setName('');
      onChange();
    } catch (error) {
      setMessage(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="tender-catalog-title" data-testid="tender-catalog">
      <div className="section-header">
        <h2 id="tender-catalog-title">{t('tenders.catalog.title')}</h2>
      </div>
      <p className="muted">{t('tenders.catalog.hint')}</p>
      <form className="tender-catalog__add" onSubmit={(event) => void add(event)} aria-label={t('tenders.catalog.add')}>
        <label>
          {t('tenders.catalog.code')}
          <input type="text" value={code} onChange={(event) => setCode(event.target.value)} pattern="[A-Za-z0-9][A-Za-z0-9_\-]{0,31}" title={t('tenders.catalog.codeRule')} required />
        </label>
        <label>
          {t('tenders.catalog.name')}
          <input type="text" value={name} onChange={(event) => setName(event.target.value)} maxLength={128} required />
        </label>
        <button type="submit" className="button button--primary button--small" disabled={busy}>{t('tenders.catalog.add')}</button>
        {message && <p className="form-error" role="alert">{message}</p>}
      </form>
      {products.status === 'ready' && (
        <div className="table-wrap">
          <table className="data-table" data-testid="tender-catalog-table">
            <caption className="visually-hidden">{t('tenders.catalog.title')}</caption>
            <thead>
              <tr>
                {(['code', 'name', 'order', 'state', 'actions'] as const).map((c) => <th key={c} scope="col">{t(`tenders.catalog.columns.${c}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {products.data.items.map((product) => <TenderProductRow key={product.code} product={product} onChange={onChange} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
