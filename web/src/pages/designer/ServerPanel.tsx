import type { Designer } from '@dealerflow/designer';
import { useTranslation } from 'react-i18next';
import { DeployReview } from './DeployReview';
import type { ServerPanelName } from './DraftBar';
import { DraftsPanel } from './DraftsPanel';
import { VersionsPanel } from './VersionsPanel';

/** What the panels ask the page to do. */
export interface ServerPanelProps {
  panel: ServerPanelName;
  designer: Designer;
  /** The diagram has lint errors, so it cannot be deployed. */
  blocked: boolean;
  onOpenDraft(processId: string): void;
  onOpenVersion(version: number): void;
  onDeploy(): Promise<void>;
}

/** The open server panel below the canvas: drafts, the review before a deploy, or the versions of the open process. */
export function ServerPanel({ panel, designer, blocked, onOpenDraft, onOpenVersion, onDeploy }: ServerPanelProps) {
  const { t } = useTranslation();
  if (panel === 'drafts') return <DraftsPanel onOpen={onOpenDraft} />;
  if (panel === 'review') return <DeployReview designer={designer} blocked={blocked} onDeploy={onDeploy} />;
  const processId = designer.processId();
  if (!processId) return <p className="server-panel__empty">{t('designer.versions.noProcess')}</p>;
  return <VersionsPanel key={processId} processId={processId} onOpen={onOpenVersion} />;
}
