import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { FormDefinition, TaskDetail, TaskDraft } from '../../api/types';
import { formatDateTime } from '../../format';
import { LazyDynamicForm as DynamicForm } from '../../forms/LazyDynamicForm';
import { taskName } from '../../i18n/taskName';
import { approvalGroups, isSectionAllowed, navigationEntries } from '../../navigation';
import { useSignedInSession } from '../../session/useSignedInSession';
import { usePeopleNames } from '../usePeopleNames';

const emptyForm: FormDefinition = { id: 'empty', title: { ru: '', en: '' }, schema: { type: 'object', properties: {} } };

/** The case data without the fields the form marks `ui:noPrefill`: a decision is made afresh each round, never copied from the last one. */
function withoutPreviousRound(form: FormDefinition | null, data: Record<string, unknown>): Record<string, unknown> {
  const ui = (form?.uiSchema ?? {}) as Record<string, { 'ui:noPrefill'?: boolean } | undefined>;
  return Object.fromEntries(Object.entries(data).filter(([name]) => ui[name]?.['ui:noPrefill'] !== true));
}

/** The task's form, prefilled from its draft; submitting completes the task, "Save draft" keeps the data for later. */
export function TaskForm({ detail, readOnly = false }: { detail: TaskDetail; readOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { user, ability } = useSignedInSession();
  const nameOf = usePeopleNames();
  const { task, form, data, hidden, draft } = detail;
  const [saved, setSaved] = useState<Pick<TaskDraft, 'savedAt' | 'savedBy'> | null>(draft);
  const path = `/api/tasks/${encodeURIComponent(task.key)}`;
  const mayWork = !task.assignee || task.assignee === user.username;

  const complete = async (variables: Record<string, unknown>) => {
    await apiFetch(`${path}/complete`, { method: 'POST', body: { variables } });
    const approvals = navigationEntries.find((entry) => entry.id === 'approvals')!;
    if (task.candidateGroups.some((group) => approvalGroups.includes(group)) && isSectionAllowed(approvals, ability)) void navigate('/approvals', { state: { decided: taskName(t, task) } });
    else void navigate('/inbox', { state: { completed: taskName(t, task) } });
  };
  const saveDraft = async (variables: Record<string, unknown>) => {
    setSaved(await apiFetch<TaskDraft>(`${path}/draft`, { method: 'PUT', body: { variables } }));
  };

  return (
    <DynamicForm
      key={task.key}
      form={form ?? emptyForm}
      initialData={{ ...withoutPreviousRound(form, data), ...draft?.variables }}
      hidden={hidden}
      submitLabel={t('task.complete')}
      readOnly={readOnly}
      onSubmit={complete}
      describeError={(error) => describeError(t, error, nameOf)}
      secondaryAction={mayWork ? { label: t('task.saveDraft'), run: saveDraft } : undefined}
      footerNote={
        saved && (
          <span className="muted draft-note" data-testid="draft-saved">
            {t('task.draftSaved', { time: formatDateTime(saved.savedAt, i18n.resolvedLanguage ?? i18n.language), user: nameOf(saved.savedBy) })}
          </span>
        )
      }
    />
  );
}
