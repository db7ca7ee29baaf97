import type { ProcessEngine, Variables } from '@dealerflow/engine';
import { compileValidator, maskForm, writableForm } from '@dealerflow/forms';
import type { CurrentUser } from '../auth/CurrentUser';
import { ValidationError } from '../errors/AppError';
import { classificationFilter, type FormCatalog, type FormDefinition } from '../processes/FormCatalog';
import { assertNoSystemVariables } from '../processes/systemVariables';
import type { Task } from './Task';

/**
 * The form a task shows and accepts, and what a user may write through it: never a system
 * variable, nothing on a task without a form, only the fields the form declares, the user may
 * see and are not read-only.
 */
export class TaskForms {
  constructor(private readonly engine: ProcessEngine, private readonly forms: FormCatalog) {}

  /** The form as the task's process version linked it when deployed; null for a task without one. */
  async of(task: Task): Promise<FormDefinition | null> {
    if (!task.formId) return null;
    const version = task.processVersion ?? (await this.engine.getInstance(task.processInstanceKey)).version;
    return this.forms.pinned(task.formId, task.bpmnProcessId, version);
  }

  /** The completion's variables, validated against the form; 400 naming each field refused. */
  completion(user: CurrentUser, form: FormDefinition | null, input: Variables): Variables {
    const { schema, data } = this.writable(user, form, input);
    if (!schema) return {};
    const result = compileValidator<Variables>(schema)(data);
    if (!result.ok) throw new ValidationError('The form has invalid fields', result.errors);
    return result.value;
  }

  /** A draft's variables: the same fields as a completion, not yet validated. */
  draft(user: CurrentUser, form: FormDefinition | null, input: Variables): Variables {
    const { schema, data } = this.writable(user, form, input);
    return schema ? maskForm(schema, data, () => true).data : {};
  }

  private writable(user: CurrentUser, form: FormDefinition | null, input: Variables): { schema: object | null; data: Variables } {
    assertNoSystemVariables(input);
    if (!form) {
      const fields = Object.keys(input);
      if (fields.length) throw new ValidationError('This task has no form: it accepts no variables', fields.map((field) => ({ field, message: 'is not allowed: the task has no form' })));
      return { schema: null, data: {} };
    }
    // What the user may not see is left out of the schema, so sending it is refused, not merged.
    const { schema: visible } = maskForm(form.schema, {}, classificationFilter(user.ability));
    const { schema, data } = writableForm(visible, form.uiSchema, input);
    // Only what the form declares reaches the case, even when the form itself allows more.
    return { schema: { ...schema, additionalProperties: false }, data };
  }
}
