import type { ReactNode } from 'react';
import type { AsyncState } from '../api/use-async.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Spinner } from './Spinner.tsx';

/** Spinner while loading, the error with a retry button, else the content. */
export function AsyncView<T>({ state, children }: { state: AsyncState<T> & { reload: () => void }; children: (value: T) => ReactNode }) {
  if (state.status === 'loading') return <Spinner />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={state.reload} />;
  return <>{children(state.value)}</>;
}
