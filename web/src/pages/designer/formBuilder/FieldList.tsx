import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, FIELD_TYPES, type FieldRow } from './fieldModel';
import type { Visibility } from './formsApi';

/** What the field list asks the builder to do. */
export interface FieldListActions {
  onChange(name: string, row: FieldRow): void;
  onRemove(name: string): void;
  onMove(name: string, delta: number): void;
  onAdd(): void;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The roles that get the field masked (removed), by its classification. */
function maskedFor(visibility: Visibility | null, classification: string): string[] {
  return visibility?.roles.filter((role) => role.sees[classification] === false).map((role) => role.role) ?? [];
}

/** The form's top-level fields: add, remove, reorder; type, titles, required, allowed values, classification. */
export function FieldList({ fields, visibility, actions }: { fields: FieldRow[]; visibility: Visibility | null; actions: FieldListActions }) {
  const { t } = useTranslation();
  const names = fields.map((f) => f.name);
  return (
    <div className="field-list">
      <table className="data-table data-table--dense field-list__table">
        <thead>
          <tr>
            <th>{t('formBuilder.field.order')}</th>
            <th>{t('formBuilder.field.name')}</th>
            <th>{t('formBuilder.field.type')}</th>
            <th>{t('formBuilder.field.titleRu')}</th>
            <th>{t('formBuilder.field.titleEn')}</th>
            <th>{t('formBuilder.field.required')}</th>
            <th>{t('formBuilder.field.options')}</th>
            <th>{t('formBuilder.field.classification')}</th>
            <th>{t('formBuilder.field.visibility')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => {
            const change = (patch: Partial<FieldRow>) => actions.onChange(field.name, { ...field, ...patch });
            const masked = maskedFor(visibility, field.classification);
            return (
              <tr key={index} data-field={field.name}>
                <td className="field-list__order">
                  <button type="button" className="button button--ghost button--icon" disabled={index === 0} aria-label={t('formBuilder.field.up', { name: field.name })} onClick={() => actions.onMove(field.name, -1)}>↑</button>
                  <button type="button" className="button button--ghost button--icon" disabled={index === fields.length - 1} aria-label={t('formBuilder.field.down', { name: field.name })} onClick={() => actions.onMove(field.name, 1)}>↓</button>
                </td>
                <td>
                  <input
                    key={field.name}
                    className="mono"
                    defaultValue={field.name}
                    aria-label={t('formBuilder.field.name')}
                    onBlur={(event) => {
                      const name = event.target.value.trim();
                      if (name !== field.name && NAME.test(name) && !names.includes(name)) change({ name });
                      else event.target.value = field.name;
                    }}
                  />
                </td>
                <td>
                  <select value={field.type} aria-label={t('formBuilder.field.type')} onChange={(event) => change({ type: event.target.value as FieldRow['type'] })}>
                    {FIELD_TYPES.map((type) => <option key={type} value={type} disabled={type === 'other'}>{t(`formBuilder.types.${type}`)}</option>)}
                  </select>
                </td>
                <td><input value={field.titleRu} aria-label={t('formBuilder.field.titleRu')} onChange={(event) => change({ titleRu: event.target.value })} /></td>
                <td><input value={field.titleEn} aria-label={t('formBuilder.field.titleEn')} onChange={(event) => change({ titleEn: event.target.value })} /></td>
                <td><input type="checkbox" checked={field.required} aria-label={t('formBuilder.field.required')} onChange={(event) => change({ required: event.target.checked })} /></td>
                <td>
                  <input
                    key={field.options.join(',')}
                    defaultValue={field.options.join(', ')}
                    placeholder={t('formBuilder.field.optionsHint')}
                    aria-label={t('formBuilder.field.options')}
                    disabled={field.type === 'boolean' || field.type === 'other'}
                    onBlur={(event) => change({ options: event.target.value.split(',').map((v) => v.trim()).filter(Boolean) })}
                  />
                </td>
                <td>
                  <select value={field.classification} aria-label={t('formBuilder.field.classification')} onChange={(event) => change({ classification: event.target.value })}>
                    {CLASSIFICATIONS.map((c) => <option key={c} value={c}>{t(`formBuilder.classifications.${c}`)}</option>)}
                  </select>
                </td>
                <td className="field-list__visibility" data-testid={`visibility-${field.name}`}>
                  {masked.length ? masked.map((role) => <span key={role} className="badge badge--danger">{t(`roles.${role}`, { defaultValue: role })}</span>) : <span className="field-list__all">{t('formBuilder.field.everyone')}</span>}
                </td>
                <td>
                  <button type="button" className="button button--ghost" aria-label={t('formBuilder.field.remove', { name: field.name })} onClick={() => actions.onRemove(field.name)}>✕</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button button--secondary" onClick={actions.onAdd}>{t('formBuilder.field.add')}</button>
    </div>
  );
}
