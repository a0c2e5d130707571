/**
 * Snoozed deals in `report` (docs/metrics.md, foresight, F.6): `--snooze-fields UNTIL_ID[,REASON_ID]`
 * names the lead fields holding the mark, and the text lists the snoozed deals apart.
 */
import type { FunnelReport, SnoozeFields } from '../core';
import { CliError } from './errors';
import { positiveId } from './options';
import { plainName } from './text';

/** `77` or `77,78`: the date field, then the optional reason field; undefined when not given. */
export function snoozeFieldsOption(text: string | undefined): SnoozeFields | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map(p => p.trim());
  if (parts.length > 2)
    throw new CliError(
      `--snooze-fields: expected UNTIL_ID or UNTIL_ID,REASON_ID, got "${text.slice(0, 40)}".`,
    );
  const untilFieldId = positiveId(parts[0] ?? '', '--snooze-fields (date field)');
  const reasonFieldId =
    parts[1] === undefined ? null : positiveId(parts[1], '--snooze-fields (reason field)');
  if (reasonFieldId === untilFieldId)
    throw new CliError('--snooze-fields: the date field and the reason field must differ.');
  return { untilFieldId, reasonFieldId };
}

/** The snoozed deals, apart from the stuck ones: when each comes back and why it waits. */
export function snoozedLines(
  r: FunnelReport,
  name: (stageId: number) => string,
  date: (epoch: number) => string,
): string[] {
  if (!r.snoozed) return [];
  const stuck = r.snoozed.filter(d => d.stuck).length;
  return [
    '',
    `Snoozed deals: ${r.snoozed.length} (${stuck} of them past the stuck threshold; not counted as stuck until their date)`,
    ...r.snoozed.map(
      d =>
        `  lead ${d.leadId} at ${name(d.stageId)}: waits until ${date(d.until)}` +
        (d.reason === null ? '' : ` — ${plainName(d.reason)}`),
    ),
  ];
}
