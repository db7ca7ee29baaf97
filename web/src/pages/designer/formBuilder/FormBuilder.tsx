import type { Designer } from '@dealerflow/designer';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/describeError';
import { formLinkOf, useDiagramSelection } from '../workbench/useDiagramSelection';
import { addField, fieldsOf, moveField, removeField, withField } from './fieldModel';
import { FieldList } from './FieldList';
import type { EditedForm } from './formsApi';
import { FormPreview, checkSample } from './FormPreview';
import { FormPicker } from './FormPicker';
import { JsonEditor } from './JsonEditor';
import { useFormBuilder } from './useFormBuilder';

type Tab = 'fields' | 'schema' | 'uiSchema';

const schemaProblem = (schema: Record<string, unknown>) => checkSample({ id: 'x', title: { ru: '', en: '' }, schema }, {}).compileError;

/** The form builder: pick or create a form, edit its fields or raw JSON, preview it with sample data, save a draft, link it to the selected element. */
export function FormBuilder({ designer, onFormEdited }: { designer: Designer | null; onFormEdited: (form: EditedForm) => void }) {
  const { t, i18n } = useTranslation();
  const describe = useCallback((error: unknown) => describeError(t, error), [t]);
  const savedText = useCallback((form: EditedForm) => t('formBuilder.saved', { id: form.id }), [t]);
  const builder = useFormBuilder(describe, savedText);
  const selection = useDiagramSelection(designer);
  const [tab, setTab] = useState<Tab>('fields');
  const { form } = builder;

  useEffect(() => {
    if (form) onFormEdited(form);
  }, [form, onFormEdited]);

  // Notices are sentences in the language they were written in; a language change drops them.
  const { setNotice } = builder;
  useEffect(() => setNotice(null), [i18n.language, setNotice]);

  const link = () => {
    if (!designer || !form || !selection) return;
    formLinkOf(designer).link(selection.id, form.id);
    builder.setNotice({ kind: 'info', text: t('formBuilder.linked', { id: form.id, element: selection.label }) });
  };

  return (
    <div className="form-builder">
      <FormPicker forms={builder.forms} current={form?.id ?? null} dirty={builder.dirty} linkedFormId={selection?.formId ?? null} onOpen={(id) => void builder.open(id)} onCreate={builder.create} />
      {builder.notice && (
        <div className={`designer-notice designer-notice--${builder.notice.kind} form-builder__notice`} role={builder.notice.kind === 'error' ? 'alert' : 'status'}>
          {builder.notice.text}
          {builder.notice.details?.map((d) => <div key={`${d.field}:${d.message}`} className="mono">{d.field}: {d.message}</div>)}
        </div>
      )}
      {form && (
        <>
          <div className="form-builder__head">
            <label className="form-builder__label">
              {t('formBuilder.titleRu')}
              <input value={form.title.ru} onChange={(event) => builder.edit({ ...form, title: { ...form.title, ru: event.target.value } })} />
            </label>
            <label className="form-builder__label">
              {t('formBuilder.titleEn')}
              <input value={form.title.en} onChange={(event) => builder.edit({ ...form, title: { ...form.title, en: event.target.value } })} />
            </label>
            <div className="form-builder__actions">
              <button type="button" className="button button--secondary" disabled={!selection?.canLinkForm || selection.formId === form.id} title={selection?.canLinkForm ? undefined : t('formBuilder.linkHint')} onClick={link}>
                {selection?.canLinkForm ? t('formBuilder.linkTo', { element: selection.label }) : t('formBuilder.link')}
              </button>
              <button type="button" className="button button--primary" onClick={() => void builder.save()}>{t('formBuilder.save')}</button>
            </div>
          </div>
          <div className="form-builder__body">
            <div className="form-builder__editor">
              <div className="workbench-tabs workbench-tabs--small" role="tablist">
                {(['fields', 'schema', 'uiSchema'] as const).map((id) => (
                  <button key={id} type="button" role="tab" aria-selected={tab === id} className={`workbench-tab${tab === id ? ' workbench-tab--active' : ''}`} onClick={() => setTab(id)}>
                    {t(`formBuilder.tabs.${id}`)}
                  </button>
                ))}
              </div>
              {tab === 'fields' && (
                <FieldList
                  fields={fieldsOf(form)}
                  visibility={builder.visibility}
                  actions={{
                    onChange: (name, row) => builder.edit(withField(form, name, row)),
                    onRemove: (name) => builder.edit(removeField(form, name)),
                    onMove: (name, delta) => builder.edit(moveField(form, name, delta)),
                    onAdd: () => builder.edit(addField(form)),
                  }}
                />
              )}
              {tab === 'schema' && <JsonEditor value={form.schema} label={t('formBuilder.tabs.schema')} testId="schema-json" check={schemaProblem} onChange={(schema) => builder.edit({ ...form, schema })} />}
              {tab === 'uiSchema' && <JsonEditor value={form.uiSchema ?? {}} label={t('formBuilder.tabs.uiSchema')} testId="ui-schema-json" onChange={(uiSchema) => builder.edit({ ...form, uiSchema })} />}
            </div>
            <FormPreview form={form} sample={builder.sample} onSample={builder.setSample} />
          </div>
        </>
      )}
    </div>
  );
}
