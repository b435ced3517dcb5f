import { HashText } from '../../components/HashText.tsx';

export function KeyList({ keys }: { keys: readonly string[] }) {
  return (
    <ul className="keys">
      {keys.map((key) => (
        <li key={key}>
          <HashText value={key} />
        </li>
      ))}
    </ul>
  );
}
