import type { RatingLevel } from '@hallq/shared/domain';

/** The mouth of each face, from a broad smile to a deep frown (control point of a quadratic curve). */
const MOUTH_CURVE: Record<RatingLevel, number> = {
  very_satisfied: 30,
  satisfied: 20,
  basically_satisfied: 6,
  dissatisfied: -12,
  very_dissatisfied: -22,
};

/** A face drawn in SVG: the pad has no emoji font, and a face reads across every language. */
export function Face({ level }: { level: RatingLevel }) {
  const curve = MOUTH_CURVE[level];
  const y = curve >= 0 ? 62 : 72;
  return (
    <svg className="face" viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="46" fill="currentColor" opacity="0.18" />
      <circle cx="50" cy="50" r="46" fill="none" stroke="currentColor" strokeWidth="5" />
      <circle cx="34" cy="40" r="6" fill="currentColor" />
      <circle cx="66" cy="40" r="6" fill="currentColor" />
      <path
        d={`M 28 ${y} Q 50 ${y + curve} 72 ${y}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="6"
        strokeLinecap="round"
      />
    </svg>
  );
}
