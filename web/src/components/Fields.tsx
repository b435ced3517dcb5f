import type { ReactNode } from 'react';

/** Label–value rows; stacked on a phone. */
export function Fields({ rows }: { rows: readonly (readonly [label: string, value: ReactNode] | false)[] }) {
  return (
    <dl className="fields">
      {rows.map((row) =>
        row === false ? null : (
          <div className="field" key={row[0]}>
            <dt>{row[0]}</dt>
            <dd>{row[1]}</dd>
          </div>
        ),
      )}
    </dl>
  );
}
