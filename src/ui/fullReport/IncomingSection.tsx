import type { VNode } from 'preact';
import { unworkedShare } from '../../core';
import type { FirstResponse, FunnelReport, IncomingQueue, Period } from '../../core';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { workingText } from '../common/workingText';

export interface Props {
  readonly report: FunnelReport;
}

interface Row extends Period {
  readonly total: boolean;
  readonly incoming: IncomingQueue;
  readonly response: FirstResponse;
}

/**
 * metrics.md 11.4: the incoming queue and the time to a first response, for the period and for
 * each of its calendar buckets (the trend), so a queue that grows or a response that slows shows.
 */
export function IncomingSection({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const rows: Row[] = [
    ...(report.trend ?? []).map(b => ({ ...b, total: false })),
    { ...report.period, total: true, incoming: report.incoming, response: report.response },
  ];
  const unworked = (r: Row) => unworkedShare(r.incoming);
  const w = report.workingResponse;
  const count = (
    label: 'entered' | 'accepted' | 'declined' | 'waiting',
    value: (r: Row) => number,
  ): Column<Row> => ({
    label: t(`fl.report.incoming.${label}`),
    hint: t(`fl.metric.incoming_${label}`),
    value,
    show: r => fmt.int(value(r)),
  });
  const columns: Column<Row>[] = [
    {
      label: t('fl.report.col.bucket'),
      text: true,
      value: r =>
        r.total ? t('fl.report.incoming.total') : `${fmt.date(r.from)} – ${fmt.date(r.to - 1)}`,
    },
    count('entered', r => r.incoming.entered),
    count('accepted', r => r.incoming.accepted),
    count('declined', r => r.incoming.declined),
    count('waiting', r => r.incoming.waiting),
    {
      label: t('fl.panel.incoming.unworked'),
      hint: t('fl.metric.incomingUnworked'),
      value: unworked,
      show: r => fmt.percent(unworked(r)),
    },
    {
      label: t('fl.report.incoming.median'),
      hint: t('fl.metric.response'),
      value: r => r.response.medianHours,
      show: r => fmt.hours(r.response.medianHours),
    },
    {
      label: t('fl.report.incoming.p90'),
      hint: t('fl.metric.response'),
      value: r => r.response.p90Hours,
      show: r => fmt.hours(r.response.p90Hours),
    },
    // With the user's switch on (metrics.md F.4): the period's response in working hours; the
    // engine gives it for the whole period, not per bucket.
    ...(w
      ? (['median', 'p90'] as const).map((q): Column<Row> => ({
          label: t(q === 'median' ? 'fl.working.col.responseMedian' : 'fl.working.col.responseP90'),
          hint: `${t('fl.metric.response')}\n${t('fl.working.metric')}\n${t('fl.working.responseTotal')}`,
          value: r => (r.total ? w[q === 'median' ? 'medianHours' : 'p90Hours'] : null),
          show: r =>
            r.total ? workingText(t, fmt, w[q === 'median' ? 'medianHours' : 'p90Hours']) : '—',
        }))
      : []),
    {
      label: t('fl.report.incoming.noResponse'),
      hint: t('fl.metric.responseWaiting'),
      value: r => r.response.waiting,
      show: r => fmt.int(r.response.waiting),
    },
  ];
  return (
    <Section id="incoming" title={t('fl.report.incoming.title')}>
      <DataTable
        caption={t('fl.report.incoming.caption')}
        columns={columns}
        rows={rows}
        rowKey={r => (r.total ? 'total' : r.from)}
        csvName="incoming"
      />
    </Section>
  );
}
