import type { Lead } from '../../core';
import { isSnoozed, snoozeOf } from '../../core';
import type { SnoozeControl } from '../../state';
import type { Props } from './CardBlock';

/**
 * The block's snooze for the lead as read (metrics.md F.6): its mark only while the date is still
 * ahead of `now` (epoch seconds). Here, in the block's chunk, so the mark's reading stays out of
 * what every page loads.
 */
export function leadSnooze(
  lead: Lead,
  control: SnoozeControl,
  now: number,
): NonNullable<Props['snooze']> {
  const mark = snoozeOf(lead, control.fields);
  return {
    control,
    mark: isSnoozed(mark, now) ? mark : null,
    responsibleUserId: lead.responsibleUserId,
  };
}
