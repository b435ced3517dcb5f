import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { navigate } from '../../app/router.tsx';
import { useSignedInMember } from '../../app/session.ts';
import { resolveSearch } from './resolve-search.ts';

type SearchState = { status: 'idle' } | { status: 'searching' } | { status: 'message'; text: string } | { status: 'error'; error: unknown };

/** One box for a txId, a case id, a document hash or a block height. */
export function SearchBox() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const member = useSignedInMember();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'searching' });
    try {
      const outcome = await resolveSearch(query, { cases: member !== null });
      if (outcome.kind === 'found') {
        setState({ status: 'idle' });
        navigate(outcome.path);
      } else {
        setState({ status: 'message', text: outcome.kind === 'bad-query' ? t('explorer.badQuery') : t('explorer.notFoundSearch', { query: query.trim() }) });
      }
    } catch (error) {
      setState({ status: 'error', error });
    }
  };

  return (
    <form className="search" role="search" onSubmit={(event) => void submit(event)}>
      <label htmlFor="search-input" className="visually-hidden">
        {t('explorer.searchLabel')}
      </label>
      <div className="search-row">
        <input
          id="search-input"
          name="q"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('explorer.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={state.status === 'searching' || query.trim() === ''}>
          {t('explorer.search')}
        </button>
      </div>
      {state.status === 'searching' && <Spinner label={t('explorer.searching')} />}
      {state.status === 'message' && (
        <p className="notice notice-info" role="alert">
          {state.text}
        </p>
      )}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
    </form>
  );
}
