import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './session/SessionProvider';

/**
 * One catch-all route around the app's own <Routes>: a data router, so a page with unsaved work
 * can hold navigation (useBlocker) until the user decides.
 */
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    ),
  },
]);

/** The whole web app: routing and the session around every page. */
export function App() {
  return <RouterProvider router={router} />;
}
