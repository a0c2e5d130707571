/**
 * A real drop in one transition of the demo's main pipeline, for the significance tests (metrics.md
 * F.2): 60 deals of an earlier period reach «Реквизиты получены» and move on to the contract
 * within hours; 40 of this period's reach it and are lost there.
 */
import type { Lead, StatusChange } from '../../src/core';
import { DEMO_NOW, STATUS_IDS, USER_IDS } from './demo';

const DAY = 86_400;
const LOST = 143;
const [, , , , REQUISITES, CONTRACT] = STATUS_IDS.main.open;

/** `earlierDaysAgo`: when the earlier deals were created, so they fall in the test's baseline. */
export function dropAtRequisites(
  pipelineId: number,
  earlierDaysAgo: number,
): { leads: Lead[]; events: StatusChange[] } {
  const leads: Lead[] = [];
  const events: StatusChange[] = [];
  const ref = (statusId: number) => ({ pipelineId, statusId });
  const add = (id: number, created: number, to: number) => {
    leads.push({
      id,
      name: `Сделка ${id}`,
      pipelineId,
      statusId: to,
      createdAt: created,
      updatedAt: created + 7200,
      closedAt: to === LOST ? created + 7200 : null,
      price: 5000,
      responsibleUserId: USER_IDS.lebedev,
      lossReasonId: null,
      isDeleted: false,
    });
    events.push(
      {
        id: `d${id}a`,
        leadId: id,
        createdAt: created + 3600,
        before: ref(STATUS_IDS.main.incoming),
        after: ref(REQUISITES),
      },
      {
        id: `d${id}b`,
        leadId: id,
        createdAt: created + 7200,
        before: ref(REQUISITES),
        after: ref(to),
      },
    );
  };
  for (let i = 0; i < 60; i++) add(3000 + i, DEMO_NOW - earlierDaysAgo * DAY + i * 600, CONTRACT);
  for (let i = 0; i < 40; i++) add(3100 + i, DEMO_NOW - 20 * DAY + i * 600, LOST);
  return { leads, events };
}
