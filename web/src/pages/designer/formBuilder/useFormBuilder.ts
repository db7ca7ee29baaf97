import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../api/ApiError';
import { emptyForm } from './fieldModel';
import { listForms, loadForm, loadVisibility, saveForm, type EditedForm, type FormSummary, type Visibility } from './formsApi';

/** What the builder shows after an action. */
export interface BuilderNotice {
  kind: 'info' | 'error';
  text: string;
  details?: { field: string; message: string }[];
}

/** The builder's state: the forms on the server, the one being edited with its sample data, and the role visibility. */
export function useFormBuilder(describe: (error: unknown) => string, savedText: (form: EditedForm) => string) {
  const [forms, setForms] = useState<FormSummary[]>([]);
  const [visibility, setVisibility] = useState<Visibility | null>(null);
  const [form, setForm] = useState<EditedForm | null>(null);
  const [sample, setSample] = useState<Record<string, unknown>>({});
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<BuilderNotice | null>(null);

  const refresh = useCallback(() => listForms().then(setForms, (error: unknown) => setNotice({ kind: 'error', text: describe(error) })), [describe]);
  useEffect(() => {
    void refresh();
    loadVisibility().then(setVisibility, () => setVisibility(null));
  }, [refresh]);

  const open = useCallback(async (id: string) => {
    try {
      const details = await loadForm(id);
      setForm(details.form);
      setSample({});
      setDirty(false);
      setNotice(null);
    } catch (error) {
      setNotice({ kind: 'error', text: describe(error) });
    }
  }, [describe]);

  const create = (id: string) => {
    setForm(emptyForm(id));
    setSample({});
    setDirty(true);
    setNotice(null);
  };

  const edit = (next: EditedForm) => {
    setForm(next);
    setDirty(true);
  };

  const save = async () => {
    if (!form) return;
    try {
      const saved = await saveForm(form);
      setForm(saved.form);
      setDirty(false);
      setNotice({ kind: 'info', text: savedText(saved.form) });
      void refresh();
    } catch (error) {
      const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as BuilderNotice['details']) : undefined;
      setNotice({ kind: 'error', text: describe(error), details });
    }
  };

  return { forms, visibility, form, sample, setSample, dirty, notice, setNotice, open, create, edit, save };
}
