import { ValidationError } from '../errors/AppError';

/**
 * Process variables the system owns: who the case belongs to, who started, edited and decided
 * it, its reference, and what the shipped processes compute themselves. Users never write
 * them (task completion, drafts, start forms, messages), whatever a form declares.
 */
export const SYSTEM_VARIABLES: readonly string[] = [
  'dealerId',
  'caseRef',
  'startedBy',
  'lastEditedBy',
  'decidedBy',
  'completedBy',
  'claimAmount',
  'coverage',
  'creditNoteNumber',
];

/** The system variables among `input`'s top-level names. */
export function systemVariablesIn(input: Record<string, unknown>): string[] {
  return Object.keys(input).filter((name) => SYSTEM_VARIABLES.includes(name));
}

/** 400 naming every system variable `input` tries to write. */
export function assertNoSystemVariables(input: Record<string, unknown>): void {
  const forged = systemVariablesIn(input);
  if (forged.length) {
    throw new ValidationError(`${forged.join(', ')} ${forged.length === 1 ? 'is' : 'are'} set by the system and cannot be written`, forged.map((field) => ({ field, message: 'is set by the system' })));
  }
}
