import { Navigate } from 'react-router';
import { allowedSections } from '../navigation';
import { useSignedInSession } from '../session/useSignedInSession';
import { NotFoundPage } from '../pages/NotFoundPage';

/** Sends `/` to the first section the user may open. */
export function HomeRedirect() {
  const { ability } = useSignedInSession();
  const first = allowedSections(ability)[0];
  return first ? <Navigate to={first.path} replace /> : <NotFoundPage />;
}
