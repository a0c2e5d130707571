import type { ComponentChildren, VNode } from 'preact';
import type { Cell } from '../../core';
import { toCsv } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import { useReportTools } from './tools';

export interface Column<R> {
  readonly label: string;
  /** The metric's definition, shown on the header (docs/metrics.md wording). */
  readonly hint?: string | undefined;
  /** The unrounded value for the CSV, in the unit the label names. */
  readonly value: (row: R) => Cell;
  /** What the cell shows; the CSV value as text when absent. */
  readonly show?: ((row: R) => ComponentChildren) | undefined;
  /** Text columns align left; numbers right. */
  readonly text?: boolean | undefined;
}

export interface Props<R> {
  readonly caption: string;
  /** The first column is the row header. */
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string | number;
  /** File name part after the prefix, e.g. `funnel`. */
  readonly csvName: string;
  readonly rowClass?: ((row: R) => string | undefined) | undefined;
  /** How many rows to show (the CSV always has all of them). */
  readonly limit?: number | undefined;
  readonly children?: ComponentChildren;
}

/**
 * The accessible version of a section: a real table with a caption, scoped header cells, a
 * definition on every number's header, and a CSV download of exactly these columns.
 */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  csvName,
  rowClass,
  limit,
  children,
}: Props<R>): VNode {
  const { t } = useEnv();
  const { download, filePrefix } = useReportTools();
  const save = (): void => {
    const csv = toCsv(
      columns.map(c => c.label),
      rows.map(r => columns.map(c => c.value(r))),
    );
    download(`${filePrefix}-${csvName}.csv`, csv);
  };
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  return (
    <div class="fl-table">
      <div class="fl-table__tools">
        <button
          type="button"
          onClick={save}
          aria-label={t('fl.report.csvLabel', { table: caption })}
        >
          {t('fl.report.csv')}
        </button>
      </div>
      <div class="fl-table__scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" class={c.text ? 'fl-text' : 'fl-num'}>
                  {c.hint ? (
                    <MetricHint text={c.hint} placement="below" align={i < 2 ? 'start' : 'end'}>
                      {c.label}
                    </MetricHint>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(r => (
              <tr key={rowKey(r)} class={rowClass?.(r)}>
                {columns.map((c, i) => {
                  const content = c.show ? c.show(r) : String(c.value(r) ?? '—');
                  const cls = c.text ? 'fl-text' : 'fl-num';
                  return i === 0 ? (
                    <th key={i} scope="row" class={cls}>
                      {content}
                    </th>
                  ) : (
                    <td key={i} class={cls}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children}
    </div>
  );
}
