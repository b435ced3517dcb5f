import type { Reason } from '@custos/apps/prison/eligibility/assessment.ts';

/** The articles a finding applied, each with what it did here. */
export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons">
      {reasons.map((reason, i) => (
        <li key={i}>
          <span className="article">{reason.article}</span> {reason.text}
        </li>
      ))}
    </ul>
  );
}
