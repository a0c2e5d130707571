/** Words for the distributions section (metrics.md F.5): bin, month and place names. */
import type { FunnelReport, TransitionPlace } from '../../core';
import type { Translate } from '../../i18n';
import type { Formatters } from '../format';
import { LOCALES } from '../format';

/** An edge in hours as the bins name it: whole hours below a day, whole days from one day on. */
function edge(hours: number, t: Translate, fmt: Formatters): string {
  return hours < 24
    ? t('fl.report.dist.hours', { n: fmt.int(hours) })
    : t('fl.report.dist.days', { n: fmt.int(hours / 24) });
}

/** Each bin's name from the lower edges: «до 1 ч», «1 ч – 2 ч», …, «от 180 дн.». */
export function binLabels(edges: readonly number[], t: Translate, fmt: Formatters): string[] {
  return edges.map((from, k) => {
    const to = edges[k + 1];
    if (to === undefined) return t('fl.report.dist.binFrom', { from: edge(from, t, fmt) });
    if (from === 0) return t('fl.report.dist.binUnder', { to: edge(to, t, fmt) });
    return t('fl.report.dist.binRange', { from: edge(from, t, fmt), to: edge(to, t, fmt) });
  });
}

/** `YYYY-MM` as the language writes a month: «мар. 2026 г.», "Mar 2026". */
export function monthLabel(month: string, fmt: Formatters): string {
  const [year, m] = month.split('-').map(Number);
  if (year === undefined || m === undefined) return month;
  return new Intl.DateTimeFormat(LOCALES[fmt.lang], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, m - 1, 15)));
}

/** A stage's name, a side stage's marked as such; the id when the report does not name it. */
export function stageName(report: FunnelReport, id: number, t: Translate): string {
  const main = report.stages.find(s => s.id === id);
  if (main) return main.name;
  const side = report.sideStages?.find(s => s.id === id);
  return side ? t('fl.report.dist.side', { name: side.name }) : String(id);
}

/** A row's or column's name in the moves matrix. */
export function placeName(report: FunnelReport, place: TransitionPlace, t: Translate): string {
  switch (place.kind) {
    case 'stage':
    case 'side':
      return stageName(report, place.stageId ?? 0, t);
    case 'incoming':
      return t('fl.report.dist.place.incoming');
    case 'won':
      return t('fl.report.dist.place.won');
    case 'lost':
      return t('fl.report.dist.place.lost');
    case 'outside':
      return t('fl.report.dist.place.outside');
  }
}
