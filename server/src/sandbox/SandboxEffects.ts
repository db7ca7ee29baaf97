import type { CreditNoteLedger, CreditNoteRequest, Notification, NotificationOutbox } from '@dealerflow/plugins';

/** Something a plugin would have done to real data, recorded instead of done. */
export interface SandboxEffect {
  taskType: string;
  jobKey: string;
  /** ISO time it was recorded. */
  at: string;
  details: Record<string, unknown>;
}

/** The credit-note ledger of a test run: it records the note it would issue and numbers it, once per job. */
export class RecordingCreditNoteLedger implements CreditNoteLedger {
  constructor(private readonly effects: SandboxEffect[]) {}

  async issue(request: CreditNoteRequest): Promise<string> {
    const earlier = this.effects.findIndex((e) => e.taskType === 'credit-note' && e.jobKey === request.jobKey);
    const index = earlier >= 0 ? earlier : this.effects.push({ taskType: 'credit-note', jobKey: request.jobKey, at: new Date().toISOString(), details: { ...request } }) - 1;
    return `SANDBOX-CN-${String(index + 1).padStart(4, '0')}`;
  }
}

/** The notification outbox of a test run: it records the message it would send, once per job. */
export class RecordingNotificationOutbox implements NotificationOutbox {
  constructor(private readonly effects: SandboxEffect[]) {}

  async send(notification: Notification): Promise<boolean> {
    if (this.effects.some((e) => e.taskType === 'notify' && e.jobKey === notification.jobKey)) return false;
    this.effects.push({ taskType: 'notify', jobKey: notification.jobKey, at: new Date().toISOString(), details: { ...notification } });
    return true;
  }
}
