import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { formValidator as validator } from '../../../forms/formValidator';
import { compileValidator, type FieldError } from '@dealerflow/forms';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AddButton } from '../../../forms/AddButton';
import { localizeSchema } from '../../../forms/localizeSchema';
import { rjsfTranslator } from '../../../forms/rjsfStrings';
import '../../../forms/forms.css';
import type { EditedForm } from './formsApi';
import { JsonEditor } from './JsonEditor';

const templates = { ButtonTemplates: { AddButton } };

/** Checks sample data with the validator the server uses; a schema that does not compile is reported as such. */
export function checkSample(form: EditedForm, sample: Record<string, unknown>): { compileError: string | null; errors: FieldError[] } {
  try {
    const result = compileValidator(form.schema)(sample);
    return { compileError: null, errors: result.ok ? [] : result.errors };
  } catch (error) {
    return { compileError: (error as Error).message, errors: [] };
  }
}

/** The form as users will see it, in the UI language, filled with editable sample data that is validated live. */
export function FormPreview({ form, sample, onSample }: { form: EditedForm; sample: Record<string, unknown>; onSample: (data: Record<string, unknown>) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const schema = useMemo(() => localizeSchema(form.schema, form.labels?.en, language), [form, language]);
  const translateString = useMemo(() => rjsfTranslator(t), [t]);
  const { compileError, errors } = checkSample(form, sample);
  return (
    <div className="form-preview">
      <div className="form-preview__form dynamic-form" data-testid="form-preview">
        {compileError ? (
          <p className="form-error" role="alert">{t('formBuilder.preview.badSchema', { message: compileError })}</p>
        ) : (
          <Form
            schema={schema as RJSFSchema}
            uiSchema={(form.uiSchema ?? {}) as UiSchema}
            idPrefix="preview"
            formData={sample}
            validator={validator}
            showErrorList={false}
            noHtml5Validate
            translateString={translateString}
            templates={templates}
            onChange={(event) => onSample((event.formData ?? {}) as Record<string, unknown>)}
          >
            <></>
          </Form>
        )}
      </div>
      <div className="form-preview__sample">
        <h4 className="form-builder__subtitle">{t('formBuilder.preview.sample')}</h4>
        <JsonEditor value={sample} onChange={onSample} label={t('formBuilder.preview.sample')} testId="sample-data" />
        {!compileError && (
          <div className="form-preview__validation" data-testid="sample-validation">
            {errors.length === 0 ? (
              <p className="form-preview__ok">{t('formBuilder.preview.valid')}</p>
            ) : (
              <ul className="form-preview__errors">
                {errors.map((error) => <li key={`${error.field}:${error.message}`}><span className="mono">{error.field}</span> — {error.message}</li>)}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
