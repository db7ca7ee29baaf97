import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../components/StatusPanel';
import type { DynamicFormProps } from './DynamicForm';

// rjsf and ajv are a large share of the bundle; they load when the first form is shown.
const DynamicForm = lazy(() => import('./DynamicForm').then((module) => ({ default: module.DynamicForm })));

/** A server form, loaded on demand, with a loading panel meanwhile. */
export function LazyDynamicForm(props: DynamicFormProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<StatusPanel kind="loading" title={t('status.loading')} />}>
      <DynamicForm {...props} />
    </Suspense>
  );
}
