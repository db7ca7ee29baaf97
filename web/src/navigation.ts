import { subject as asSubject } from '@casl/ability';
import type { AppAbility } from './session/abilityFromRules';

/** The sections of the app, in the order the navigation shows them. */
export type SectionId = 'dashboard' | 'inbox' | 'approvals' | 'cases' | 'start' | 'designer' | 'instances' | 'audit' | 'dealers' | 'vehicles' | 'tenders' | 'leads' | 'kpi' | 'users' | 'apiTokens' | 'webhooks';

/** One navigation entry: where it lives and which CASL permission opens it. */
export interface NavigationEntry {
  id: SectionId;
  path: string;
  action: string;
  subject: string;
  /** When set, the section opens if the user may act on any one of these records of `subject`. */
  records?: readonly Record<string, unknown>[];
  /**
   * The server has no rules for this subject yet: show the entry unless a rule explicitly
   * denies it. Set to false once the server grants it.
   */
  provisional: boolean;
  /** The section's page is still the "coming soon" placeholder. */
  comingSoon: boolean;
  /** Where a user lands after signing in: the allowed section with the lowest rank; unranked sections are never a home. */
  homeRank?: number;
}

/** The candidate groups of the distributor's approval queue (the server's queue reads the same groups). */
export const approvalGroups = ['distributor-approver', 'warranty', 'sales', 'finance'];

/** Every section of the app; the single place that decides what the navigation offers. */
export const navigationEntries: readonly NavigationEntry[] = [
  // Process admins land on the dashboard: workload, SLA breaches, cycle times and the processes' heatmaps.
  { id: 'dashboard', path: '/dashboard', action: 'read', subject: 'Dashboard', provisional: false, comingSoon: false, homeRank: 0 },
  { id: 'inbox', path: '/inbox', action: 'read', subject: 'Task', provisional: false, comingSoon: false, homeRank: 4 },
  // The queue is for whoever may act on tasks offered to the approval groups.
  {
    id: 'approvals',
    path: '/approvals',
    action: 'assign',
    subject: 'Task',
    records: approvalGroups.map((group) => ({ candidateGroups: [group] })),
    provisional: false,
    comingSoon: false,
    homeRank: 2,
  },
  // Every role that may read cases finds them here: a dealer its own, the distributor all.
  { id: 'cases', path: '/cases', action: 'read', subject: 'ProcessInstance', provisional: false, comingSoon: false },
  { id: 'start', path: '/start', action: 'start', subject: 'Process', provisional: false, comingSoon: false },
  { id: 'designer', path: '/designer', action: 'manage', subject: 'all', provisional: false, comingSoon: false },
  // Whoever monitors instances without the dashboard lands here.
  { id: 'instances', path: '/instances', action: 'monitor', subject: 'ProcessInstance', provisional: false, comingSoon: false, homeRank: 1 },
  { id: 'audit', path: '/audit', action: 'read', subject: 'AuditEntry', provisional: false, comingSoon: false, homeRank: 3 },
  { id: 'dealers', path: '/dealers', action: 'read', subject: 'Dealer', provisional: false, comingSoon: false, homeRank: 5 },
  { id: 'vehicles', path: '/vehicles', action: 'read', subject: 'StockVehicle', provisional: false, comingSoon: false },
  { id: 'tenders', path: '/tenders', action: 'read', subject: 'Tender', provisional: false, comingSoon: false },
  { id: 'leads', path: '/leads', action: 'read', subject: 'Lead', provisional: false, comingSoon: false },
  { id: 'kpi', path: '/kpi', action: 'read', subject: 'DealerKpi', provisional: false, comingSoon: false },
  // Whoever may change users manages the accounts: roles, disabling and enabling.
  { id: 'users', path: '/users', action: 'update', subject: 'User', provisional: false, comingSoon: false },
  { id: 'apiTokens', path: '/api-tokens', action: 'read', subject: 'ApiToken', provisional: false, comingSoon: false },
  { id: 'webhooks', path: '/webhooks', action: 'read', subject: 'Webhook', provisional: false, comingSoon: false },
];

/** Whether the user may open this section. */
export function isSectionAllowed(entry: NavigationEntry, ability: AppAbility): boolean {
  if (entry.records) return entry.records.some((record) => ability.can(entry.action, asSubject(entry.subject, { ...record })));
  if (!entry.provisional) return ability.can(entry.action, entry.subject);
  return ability.relevantRuleFor(entry.action, entry.subject)?.inverted !== true;
}

/** The sections this user may open, in navigation order. */
export function allowedSections(ability: AppAbility): NavigationEntry[] {
  return navigationEntries.filter((entry) => isSectionAllowed(entry, ability));
}

/** The section a user starts in: admins the dashboard, approvers the queue, auditors the audit, dealers the inbox. */
export function homeSection(ability: AppAbility): NavigationEntry | undefined {
  return allowedSections(ability)
    .filter((entry) => entry.homeRank !== undefined)
    .sort((a, b) => a.homeRank! - b.homeRank!)[0];
}
