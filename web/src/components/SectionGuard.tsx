import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSectionAllowed, type NavigationEntry } from '../navigation';
import { useSignedInSession } from '../session/useSignedInSession';
import { StatusPanel } from './StatusPanel';

/** Renders the section only when the user's rules open it (a typed URL must not get around the navigation). */
export function SectionGuard({ entry, children }: { entry: NavigationEntry; children: ReactNode }) {
  const { t } = useTranslation();
  const { ability } = useSignedInSession();
  if (!isSectionAllowed(entry, ability)) return <StatusPanel kind="error" title={t('status.forbidden')} />;
  return children;
}
