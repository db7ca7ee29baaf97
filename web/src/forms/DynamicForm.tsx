import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { formValidator as validator } from './formValidator';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../api/types';
import { AddButton } from './AddButton';
import { formFields, formWidgets } from './formExtensions';
import { fieldErrorsOf, toErrorSchema } from './fieldErrors';
import { localizedErrors } from './fieldMessages';
import { withPickers } from './pickers';
import { localizeSchema, pickSchemaData } from './localizeSchema';
import { rjsfTranslator } from './rjsfStrings';
import './forms.css';

/** What a server form needs: the definition, its starting data, and what submitting does. */
export interface DynamicFormProps {
  form: FormDefinition;
  initialData?: Record<string, unknown>;
  hidden?: string[];
  submitLabel: string;
  disabled?: boolean;
  /** Shows the data without a way to change or send it (the task is held by someone else). */
  readOnly?: boolean;
  /** Sends the data; a 400 with field errors marks the fields, anything else goes to `describeError`. */
  onSubmit: (data: Record<string, unknown>) => Promise<void>;
  describeError: (error: unknown) => string;
  /** A second button (saving a draft) that sends the data as it is, without validating it. */
  secondaryAction?: { label: string; run: (data: Record<string, unknown>) => Promise<void> };
  /** Shown in the footer after the buttons (when the draft was saved). */
  footerNote?: ReactNode;
}

const templates = { ButtonTemplates: { AddButton } };
// A choice is never made for the person: rjsf would otherwise pre-select the first option (e.g. "approve").
const defaultFormStateBehavior = { constAsDefaults: 'never' } as const;
/** On a phone a focused field opens the keyboard over the task before it was read. */
const phoneQuery = '(max-width: 640px)';

function withoutAutofocus(uiSchema: Record<string, unknown>, strip: boolean): Record<string, unknown> {
  if (!strip) return uiSchema;
  return Object.fromEntries(
    Object.entries(uiSchema).map(([name, node]) => {
      if (!node || typeof node !== 'object' || Array.isArray(node)) return [name, node];
      const { 'ui:autofocus': _autofocus, ...rest } = node as Record<string, unknown>;
      return [name, rest];
    }),
  );
}

/** A server form rendered with rjsf: labels in the UI language, server field errors shown on the fields. */
export function DynamicForm({ form, initialData, hidden, submitLabel, disabled, readOnly, onSubmit, describeError, secondaryAction, footerNote }: DynamicFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const uiSchema = useMemo(() => withPickers(withoutAutofocus(form.uiSchema ?? {}, readOnly || window.matchMedia(phoneQuery).matches)), [form, readOnly]);
  const schema = useMemo(() => localizeSchema(form.schema, form.labels?.en, language, hidden), [form, language, hidden]);
  const [formData, setFormData] = useState(() => pickSchemaData(form.schema, initialData));
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const translateString = useMemo(() => rjsfTranslator(t), [t]);
  const transformErrors = useMemo(() => localizedErrors(t, schema, form.uiSchema ?? {}, language), [t, schema, form, language]);

  const submit = async (data: Record<string, unknown>) => {
    setBusy(true);
    setMessage('');
    setExtraErrors(undefined);
    try {
      await onSubmit(data);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields.length) {
        setExtraErrors(toErrorSchema(fields));
        setMessage(t('forms.fixFields'));
      } else setMessage(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const runSecondary = async () => {
    if (!secondaryAction) return;
    setBusy(true);
    setMessage('');
    try {
      await secondaryAction.run(formData ?? {});
    } catch (error) {
      setMessage(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dynamic-form">
      <Form
        schema={schema as RJSFSchema}
        uiSchema={uiSchema as UiSchema}
        formData={formData}
        validator={validator}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        disabled={disabled || busy}
        readonly={readOnly}
        translateString={translateString}
        transformErrors={transformErrors}
        experimental_defaultFormStateBehavior={defaultFormStateBehavior}
        templates={templates}
        widgets={formWidgets}
        fields={formFields}
        onChange={(event) => setFormData(event.formData as Record<string, unknown>)}
        onSubmit={(event) => void submit(event.formData as Record<string, unknown>)}
      >
        {readOnly ? (
          // An element, not nothing: without children rjsf would add its own submit button.
          <span />
        ) : (
          <div className="dynamic-form__footer">
            <button type="submit" className="button button--primary" disabled={disabled || busy}>
              {busy ? t('forms.sending') : submitLabel}
            </button>
            {secondaryAction && (
              <button type="button" className="button button--secondary" disabled={disabled || busy} onClick={() => void runSecondary()}>
                {secondaryAction.label}
              </button>
            )}
            {footerNote}
            <p className="form-error" role="alert" data-testid="form-message">
              {message}
            </p>
          </div>
        )}
      </Form>
    </div>
  );
}
