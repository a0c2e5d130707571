import type { VNode } from 'preact';
import type { FunnelReport, TransitionMatrix } from '../../core';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { placeName } from './distributionText';

export interface Props {
  readonly report: FunnelReport;
  readonly matrix: TransitionMatrix;
}

interface Row {
  readonly r: number;
  readonly name: string;
  readonly counts: readonly number[];
  readonly total: number;
}

/**
 * The moves between places (metrics.md F.5 c) as a table: a row per place a move left, a column
 * per place one reached. Places no move touched are left out, so the table stays readable; the
 * JSON of the CLI keeps the whole matrix.
 */
export function MovesMatrix({ report, matrix }: Props): VNode {
  const { t, fmt } = useEnv();
  const rowSum = (r: number) => (matrix.counts[r] ?? []).reduce((a, b) => a + b, 0);
  const colSum = (c: number) => matrix.counts.reduce((a, row) => a + (row[c] ?? 0), 0);
  const names = matrix.places.map(p => placeName(report, p, t));
  const rows: Row[] = matrix.places.flatMap((_, r) =>
    rowSum(r) > 0
      ? [{ r, name: names[r] ?? '', counts: matrix.counts[r] ?? [], total: rowSum(r) }]
      : [],
  );
  const targets = matrix.places.flatMap((_, c) => (colSum(c) > 0 ? [c] : []));
  const columns: Column<Row>[] = [
    { label: t('fl.report.dist.moves.col.from'), text: true, value: row => row.name },
    ...targets.map((c): Column<Row> => ({
      label: names[c] ?? '',
      hint: t('fl.report.dist.moves.hint.cell', { place: names[c] ?? '' }),
      value: row => row.counts[c] ?? 0,
      show: row => fmt.int(row.counts[c] ?? 0),
    })),
    {
      label: t('fl.report.dist.moves.col.total'),
      hint: t('fl.report.dist.moves.hint.total'),
      value: row => row.total,
      show: row => fmt.int(row.total),
    },
  ];
  return (
    <div class="fl-dist">
      <h3>{t('fl.report.dist.moves.heading')}</h3>
      <p class="fl-report__lead">
        {t('fl.report.dist.moves.intro', { count: fmt.int(matrix.total) })}
      </p>
      {matrix.total === 0 ? (
        <p class="fl-report__note">{t('fl.report.dist.moves.empty')}</p>
      ) : (
        <DataTable
          caption={t('fl.report.dist.moves.caption')}
          columns={columns}
          rows={rows}
          rowKey={row => row.r}
          csvName="moves"
        />
      )}
    </div>
  );
}
