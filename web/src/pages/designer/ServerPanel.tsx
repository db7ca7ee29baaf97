import type { Designer } from '@dealerflow/designer';
import { useTranslation } from 'react-i18next';
import { DeployReview } from './DeployReview';
import type { ServerPanelName } from './DraftBar';
import type { DeployedProcess } from './designerApi';
import { DeployedProcessesPanel } from './DeployedProcessesPanel';
import { DraftsPanel } from './DraftsPanel';
import { VersionsPanel } from './VersionsPanel';

/** What the panels ask the page to do. */
export interface ServerPanelProps {
  panel: ServerPanelName;
  designer: Designer;
  /** The diagram has lint errors, so it cannot be deployed. */
  blocked: boolean;
  onOpenDraft(processId: string): void;
  onOpenDeployed(process: DeployedProcess): void;
  onOpenVersion(version: number): void;
  onDeploy(): Promise<void>;
}

/** The open server panel below the canvas: what to open (deployed processes and drafts), the review before a deploy, or the versions of the open process. */
export function ServerPanel({ panel, designer, blocked, onOpenDraft, onOpenDeployed, onOpenVersion, onDeploy }: ServerPanelProps) {
  const { t } = useTranslation();
  if (panel === 'open') {
    return (
      <div className="server-panel-pair">
        <DeployedProcessesPanel onOpen={onOpenDeployed} />
        <DraftsPanel onOpen={onOpenDraft} />
      </div>
    );
  }
  if (panel === 'review') return <DeployReview designer={designer} blocked={blocked} onDeploy={onDeploy} />;
  const processId = designer.processId();
  if (!processId) return <p className="server-panel__empty">{t('designer.versions.noProcess')}</p>;
  return <VersionsPanel key={processId} processId={processId} onOpen={onOpenVersion} />;
}
