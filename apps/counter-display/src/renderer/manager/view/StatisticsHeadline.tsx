import type { ReportGroup } from '@hallq/shared/domain';
import type { ReactNode } from 'react';
import { FigureButton } from './FigureButton';
import { t } from './manager-context';
import { minutesText, percentText } from './statistics-format';

/** The period's headline figures of the whole (filtered) scope; the counts open their tickets. */
export function StatisticsHeadline({ totals }: { totals: ReportGroup | null }) {
  const tickets = totals?.tickets;
  const ratings = totals?.ratings;
  const count = (figure: 'issued' | 'served' | 'noShows' | 'walkouts' | 'aboveServiceLevel', value = 0) => (
    <FigureButton by="hall" groupKey="hall" name={t('statistics.drill.hall')} figure={figure} count={value} />
  );
  const minutes = (value: number | null | undefined) =>
    value == null ? '—' : t('statistics.minutes', { value: minutesText(value) });
  return (
    <dl className="mgr-stats-headline" data-testid="statistics-headline">
      <Tile id="issued" value={count('issued', tickets?.issued)} />
      <Tile id="served" value={count('served', tickets?.served)} />
      <Tile id="noShows" value={count('noShows', tickets?.noShows)} />
      <Tile id="walkouts" value={count('walkouts', tickets?.walkouts)} />
      <Tile id="meanWait" value={minutes(tickets?.waiting.mean)} />
      <Tile id="p90Wait" value={minutes(tickets?.waiting.p90)} />
      <Tile id="aboveServiceLevel" value={count('aboveServiceLevel', tickets?.waiting.aboveServiceLevel)} />
      <Tile id="goodShare" value={percentText(ratings?.goodShare ?? null)} />
      <Tile id="ratedShare" value={percentText(ratings?.ratedShare ?? null)} />
      <Tile id="bad" value={ratings?.bad ?? 0} warn={(ratings?.bad ?? 0) > 0} />
    </dl>
  );
}

function Tile({ id, value, warn = false }: { id: string; value: ReactNode; warn?: boolean }) {
  return (
    <div className={warn ? 'mgr-stats-tile warn' : 'mgr-stats-tile'} data-testid={`statistics-headline-${id}`}>
      <dt>{t(`statistics.headline.${id}`)}</dt>
      <dd>{value}</dd>
    </div>
  );
}
