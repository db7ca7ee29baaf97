import type { AppAbility } from './session/abilityFromRules';

/** The sections of the app, in the order the navigation shows them. */
export type SectionId = 'inbox' | 'approvals' | 'start' | 'designer' | 'instances' | 'audit' | 'dealers' | 'vehicles';

/** One navigation entry: where it lives and which CASL permission opens it. */
export interface NavigationEntry {
  id: SectionId;
  path: string;
  action: string;
  subject: string;
  /**
   * The server has no rules for this subject yet (process features come later): show the
   * entry unless a rule explicitly denies it. Set to false once the server grants it.
   */
  provisional: boolean;
  /** The section's page is still the "coming soon" placeholder. */
  comingSoon: boolean;
}

/** Every section of the app; the single place that decides what the navigation offers. */
export const navigationEntries: readonly NavigationEntry[] = [
  { id: 'inbox', path: '/inbox', action: 'read', subject: 'Task', provisional: true, comingSoon: false },
  { id: 'approvals', path: '/approvals', action: 'read', subject: 'Approval', provisional: true, comingSoon: false },
  { id: 'start', path: '/start', action: 'create', subject: 'ProcessInstance', provisional: true, comingSoon: false },
  { id: 'designer', path: '/designer', action: 'manage', subject: 'all', provisional: false, comingSoon: false },
  { id: 'instances', path: '/instances', action: 'monitor', subject: 'ProcessInstance', provisional: false, comingSoon: false },
  { id: 'audit', path: '/audit', action: 'read', subject: 'AuditEntry', provisional: false, comingSoon: false },
  { id: 'dealers', path: '/dealers', action: 'read', subject: 'Dealer', provisional: false, comingSoon: false },
  { id: 'vehicles', path: '/vehicles', action: 'read', subject: 'StockVehicle', provisional: false, comingSoon: false },
];

/** Whether the user may open this section. */
export function isSectionAllowed(entry: NavigationEntry, ability: AppAbility): boolean {
  if (!entry.provisional) return ability.can(entry.action, entry.subject);
  return ability.relevantRuleFor(entry.action, entry.subject)?.inverted !== true;
}

/** The sections this user may open, in navigation order. */
export function allowedSections(ability: AppAbility): NavigationEntry[] {
  return navigationEntries.filter((entry) => isSectionAllowed(entry, ability));
}
