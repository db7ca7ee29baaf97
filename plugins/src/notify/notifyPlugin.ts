import { definePlugin, type Plugin } from '../definePlugin';

/** A message to people, recorded once per job. */
export interface Notification {
  /** The job that asked for it: a retried job must not notify twice. */
  jobKey: string;
  processInstanceKey: string;
  template: string;
  /** The dealer whose people are told, or null when a distributor group is. */
  dealerId: string | null;
  recipientGroup: string | null;
  data: Record<string, unknown>;
}

/** Where notifications go; the server stores them in an outbox table that mail and the web app read. */
export interface NotificationOutbox {
  /** Records the notification unless one with the same jobKey exists; true when it was new. */
  send(notification: Notification): Promise<boolean>;
}

interface NotifyInput {
  dealerId?: string;
  caseRef?: string;
  [variable: string]: unknown;
}

/** Service task type `notify`: the `template` header names the message, `recipientGroup` (header) or the case's dealer receives it. */
export function notifyPlugin(outbox: NotificationOutbox): Plugin<NotifyInput, { notified: boolean }> {
  return definePlugin<NotifyInput, { notified: boolean }>({
    taskType: 'notify',
    title: 'Notify',
    description: 'Tells the dealer of the case, or a distributor group, using a message template.',
    input: { type: 'object', properties: { dealerId: { type: 'string' }, caseRef: { type: 'string' } } },
    output: { type: 'object', properties: { notified: { type: 'boolean' } }, required: ['notified'], additionalProperties: false },
    async run(input, ctx) {
      const template = ctx.headers.template;
      if (!template) throw new Error('notify needs a "template" task header');
      const recipientGroup = ctx.headers.recipientGroup ?? null;
      const { dealerId, caseRef } = input;
      const notified = await outbox.send({
        jobKey: ctx.jobKey,
        processInstanceKey: ctx.processInstanceKey,
        template,
        dealerId: recipientGroup ? null : dealerId ?? null,
        recipientGroup,
        data: { caseRef: caseRef ?? null },
      });
      return { notified };
    },
  });
}
