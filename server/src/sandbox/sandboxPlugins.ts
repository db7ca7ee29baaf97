import { creditNotePlugin, notifyPlugin, warrantyCoveragePlugin, type CoverageCatalog, type Plugin } from '@dealerflow/plugins';
import { RecordingCreditNoteLedger, RecordingNotificationOutbox, type SandboxEffect } from './SandboxEffects';

/**
 * The shipped plugins as a test run uses them: the coverage check reads the real catalog
 * (it only reads), the plugins that write (credit notes, notifications) record into `effects`.
 */
export function sandboxPlugins(coverage: CoverageCatalog, effects: SandboxEffect[]): Plugin[] {
  return [
    warrantyCoveragePlugin(coverage),
    notifyPlugin(new RecordingNotificationOutbox(effects)),
    creditNotePlugin(new RecordingCreditNoteLedger(effects)),
  ] as Plugin[];
}
