import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './session/SessionProvider';

/** The whole web app: routing and the session around every page. */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}
