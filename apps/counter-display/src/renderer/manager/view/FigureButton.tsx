import type { StintFigure } from '@hallq/shared/domain';
import type { DrillDown } from '../store/slices/statistics/state';
import { t, useActions } from './manager-context';

/**
 * A count that opens the tickets behind it (the drill-down). Zero stays plain text: there is nothing behind it.
 * `name` is the group's, so the button says which figure of which group it opens.
 */
export function FigureButton({
  by,
  groupKey,
  name,
  figure,
  count,
}: {
  by: DrillDown['by'];
  groupKey: string;
  name: string;
  figure: StintFigure;
  count: number;
}) {
  const { openDrillDown } = useActions();
  if (count === 0) return <span className="mgr-stats-zero">0</span>;
  return (
    <button
      type="button"
      className="mgr-stats-figure"
      data-testid={`statistics-${by}-${groupKey}-${figure}`}
      aria-label={`${name} · ${t(`statistics.figure.${figure}`)} ${count}`}
      onClick={() => void openDrillDown(by, groupKey, figure)}
    >
      {count}
    </button>
  );
}
