import { classificationOf, type Classification } from '@dealerflow/forms';
import { subject } from '@casl/ability';
import type { FormDefinition } from '@dealerflow/contract';
import type { DataSource } from 'typeorm';
import type { AppAbility } from '../permissions/RoleRule';
import { FormRecord } from './FormRecord';
import { ProcessDefinition } from './ProcessDefinition';

/** A deployed form, as the API contract defines it. */
export type { FormDefinition } from '@dealerflow/contract';

/** The classifications a user may read, as a predicate for maskForm. */
export function classificationFilter(ability: AppAbility): (c: Classification) => boolean {
  return (classification) => ability.can('read', subject('FormField', { classification }));
}

/** Each deployed form's top-level fields with their classification, as of one state of the form table. */
interface FieldClassifications { version: string; fields: [name: string, classification: Classification][] }

/** Reads deployed forms. */
export class FormCatalog {
  private classified: FieldClassifications | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** The latest deployed form `id`, or null. */
  async get(id: string): Promise<FormDefinition | null> {
    const record = await this.dataSource.getRepository(FormRecord).findOneBy({ id });
    return record && (JSON.parse(record.json) as FormDefinition);
  }

  /**
   * Form `id` as version `version` of `bpmnProcessId` linked it when deployed, so a running case
   * keeps its form when a later version changes it; the latest form for versions that kept no copy.
   */
  async pinned(id: string, bpmnProcessId: string, version: number): Promise<FormDefinition | null> {
    const definition = await this.dataSource.getRepository(ProcessDefinition).findOne({ where: { bpmnProcessId, version }, select: { key: true, forms: true } });
    const linked = JSON.parse(definition?.forms ?? '[]') as FormDefinition[];
    return linked.find((form) => form.id === id) ?? this.get(id);
  }

  /** Top-level variable names that some form classifies beyond what the user may read. */
  async hiddenVariables(ability: AppAbility): Promise<Set<string>> {
    const canSee = classificationFilter(ability);
    const hidden = new Set<string>();
    for (const [name, classification] of await this.fieldClassifications()) if (!canSee(classification)) hidden.add(name);
    return hidden;
  }

  /**
   * Every form's fields and classifications, parsed again only when the form table changed: a
   * deployment adds a row or moves a row's deployedAt, which the one-row probe sees (on every
   * server sharing the database), so the approval queue and case lists stop reading and parsing
   * every form per request.
   */
  private async fieldClassifications(): Promise<FieldClassifications['fields']> {
    const [probe] = await this.dataSource.getRepository(FormRecord).createQueryBuilder('f')
      .select('COUNT(*)', 'n').addSelect('MAX(f.deployedAt)', 'at').getRawMany<{ n: number | string; at: unknown }>();
    const version = `${String(probe?.n)}/${String(probe?.at)}`;
    if (this.classified?.version === version) return this.classified.fields;
    const fields: FieldClassifications['fields'] = [];
    for (const record of await this.dataSource.getRepository(FormRecord).find()) {
      const form = JSON.parse(record.json) as FormDefinition;
      for (const [name, field] of Object.entries(form.schema.properties ?? {})) fields.push([name, classificationOf(field)]);
    }
    this.classified = { version, fields };
    return fields;
  }
}
