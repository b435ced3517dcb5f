import { useTranslation } from 'react-i18next';
import type { TransactionRecord } from '../../api/node-api.ts';

export function EventList({ result }: { result: TransactionRecord['result'] }) {
  const { t } = useTranslation();
  if (result.events.length === 0) return <p className="empty">{t('tx.noEvents')}</p>;
  return (
    <ul className="events">
      {result.events.map((event, index) => (
        <li key={index}>
          <code className="event-type">{event.type}</code>
          <pre className="json">{JSON.stringify(event.data, null, 2)}</pre>
        </li>
      ))}
    </ul>
  );
}
