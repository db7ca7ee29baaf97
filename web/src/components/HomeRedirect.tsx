import { Navigate } from 'react-router';
import { homeSection } from '../navigation';
import { useSignedInSession } from '../session/useSignedInSession';
import { NotFoundPage } from '../pages/NotFoundPage';

/** Sends `/` to the user's home section. */
export function HomeRedirect() {
  const { ability } = useSignedInSession();
  const home = homeSection(ability);
  return home ? <Navigate to={home.path} replace /> : <NotFoundPage />;
}
