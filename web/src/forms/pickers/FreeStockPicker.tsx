import type { FieldProps } from '@rjsf/utils';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import type { StockRow } from '../../pages/vehicles/vehicleTypes';

/** How often the free stock is read again while the form is open: other dealers take cars meanwhile. */
const REFRESH_MS = 15_000;
const SHOWN = 40;

/**
 * Picks specific vehicles from the free stock for a list of VINs (`ui:options.picker: free-stock`):
 * filter by model and colour, or type part of a VIN; a chosen car another dealer took meanwhile is flagged.
 */
export function FreeStockPicker({ formData, onChange, fieldPathId, schema, disabled, readonly }: FieldProps<string[]>) {
  const { t } = useTranslation();
  const { resource, refresh } = useApiResource<ItemsResponse<StockRow>>('/api/stock?status=free');
  const [model, setModel] = useState('');
  const [colour, setColour] = useState('');
  const [vinPart, setVinPart] = useState('');
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const free = useMemo(() => (resource.status === 'ready' ? resource.data.items : []), [resource]);
  const chosen = formData ?? [];
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const locked = Boolean(disabled || readonly);
  const freeVins = new Set(free.map((v) => v.vin));
  const matching = free.filter((v) => (!model || v.model === model) && (!colour || v.colour === colour) && v.vin.includes(vinPart.trim().toUpperCase()));
  const options = (field: 'model' | 'colour') => [...new Set(free.map((v) => v[field]))].sort();
  const set = (vins: string[]) => onChange(vins, fieldPathId.path);
  const toggle = (vin: string) => set(chosen.includes(vin) ? chosen.filter((v) => v !== vin) : [...chosen, vin]);
  const describe = (v: StockRow) => `${v.model} ${v.trim} · ${v.colour} · ${v.year} · ${v.warehouse}`;

  return (
    <fieldset className="stock-picker" id={fieldPathId.$id} data-testid="free-stock-picker">
      <legend>{schema.title}</legend>
      {chosen.length > 0 && (
        <ul className="stock-picker__chosen" aria-label={t('stockPicker.chosen')}>
          {chosen.map((vin) => (
            <li key={vin} className={freeVins.has(vin) || resource.status !== 'ready' ? '' : 'stock-picker__taken'}>
              <span className="mono">{vin}</span>
              {resource.status === 'ready' && !freeVins.has(vin) && <span className="form-error"> {t('stockPicker.taken')}</span>}
              {!locked && (
                <button type="button" className="button button--ghost" onClick={() => toggle(vin)} aria-label={t('stockPicker.remove', { vin })}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <>
          <div className="stock-picker__filters">
            <label>
              {t('vehicles.columns.model')}
              <select value={model} onChange={(event) => setModel(event.target.value)}>
                <option value="">{t('vehicles.stock.any')}</option>
                {options('model').map((value) => <option key={value}>{value}</option>)}
              </select>
            </label>
            <label>
              {t('vehicles.columns.colour')}
              <select value={colour} onChange={(event) => setColour(event.target.value)}>
                <option value="">{t('vehicles.stock.any')}</option>
                {options('colour').map((value) => <option key={value}>{value}</option>)}
              </select>
            </label>
            <label>
              {t('stockPicker.vin')}
              <input type="search" value={vinPart} onChange={(event) => setVinPart(event.target.value)} maxLength={17} />
            </label>
          </div>
          {resource.status === 'loading' && <p className="muted">{t('status.loading')}</p>}
          {resource.status === 'error' && <p className="form-error">{t('stockPicker.unavailable')}</p>}
          {resource.status === 'ready' && (
            <>
              <p className="muted">{t('stockPicker.found', { count: matching.length })}</p>
              <ul className="stock-picker__list">
                {matching.slice(0, SHOWN).map((v) => (
                  <li key={v.vin}>
                    <label>
                      <input type="checkbox" checked={chosen.includes(v.vin)} disabled={!chosen.includes(v.vin) && chosen.length >= max} onChange={() => toggle(v.vin)} />
                      <span className="mono">{v.vin}</span> <span>{describe(v)}</span>
                    </label>
                  </li>
                ))}
              </ul>
              {matching.length > SHOWN && <p className="muted">{t('stockPicker.narrow', { shown: SHOWN })}</p>}
            </>
          )}
        </>
      )}
    </fieldset>
  );
}
