import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * While `unsaved`, asks before the user leaves: the browser's own prompt on reload, close or an
 * address typed in, and `question` (in the user's language) on a move inside the app. Moves that
 * stay on the same page (a query or a hash) pass.
 */
export function useLeaveGuard(unsaved: boolean, question: string): void {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set; they ignore its text.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
