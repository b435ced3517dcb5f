import { useEffect } from 'react';
import { Spinner } from '../components/Spinner.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { NotAllowedPage } from '../pages/sign-in/NotAllowedPage.tsx';
import { SignInPage } from '../pages/sign-in/SignInPage.tsx';
import { canSee } from './audience.ts';
import { matchRoute } from './routes.tsx';
import { useLocation } from './router.tsx';
import { SessionContext, type Session } from './session.ts';
import { restoreSession, useSessionState } from './session-store.ts';
import { Shell } from './Shell.tsx';

export function App() {
  const { path, query } = useLocation();
  const state = useSessionState();
  useEffect(() => void restoreSession(), []);
  const session: Session = { member: state.member };
  const match = matchRoute(path);
  let page;
  if (match === null) page = <NotFoundPage />;
  else if (canSee(match.route.audience, session)) page = match.route.render(match.params);
  // A member page is never answered like a missing one: signed out, it asks to sign in (and then shows
  // the page, same address); signed in without the role, it says so.
  else if (state.restoring) page = <Spinner />;
  else if (state.member === null) page = <SignInPage next={path + (query.size > 0 ? `?${query.toString()}` : '')} notice={state.notice} prompt />;
  else page = <NotAllowedPage />;
  return (
    <SessionContext.Provider value={session}>
      <Shell path={path}>{page}</Shell>
    </SessionContext.Provider>
  );
}
