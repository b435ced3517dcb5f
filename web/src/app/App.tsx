import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { canSee } from './audience.ts';
import { matchRoute } from './routes.tsx';
import { useLocation } from './router.tsx';
import { publicSession, SessionContext } from './session.ts';
import { Shell } from './Shell.tsx';

export function App() {
  const { path } = useLocation();
  const session = publicSession; // sign-in replaces this with the member's session
  const match = matchRoute(path);
  // A page the session may not see is answered like a missing one until sign-in adds its own prompt.
  const page = match !== null && canSee(match.route.audience, session) ? match.route.render(match.params) : <NotFoundPage />;
  return (
    <SessionContext.Provider value={session}>
      <Shell path={path}>{page}</Shell>
    </SessionContext.Provider>
  );
}
