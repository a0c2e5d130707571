import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { buildReport } from '../../../../src/core';
import type { SnoozeMark } from '../../../../src/core';
import type { SnoozeControl, SnoozeMarkDraft } from '../../../../src/state';
import { CardBlock } from '../../../../src/ui/card';
import { DEMO_NOW } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import { cardModel, dataModels, demo, until } from '../fullReport/demoModels';

beforeEach(() => {
  jest.useFakeTimers({ now: DEMO_NOW * 1000 });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const calls: [number, SnoozeMarkDraft][] = [];
const control: SnoozeControl = {
  fields: { untilFieldId: 77, reasonFieldId: 78 },
  mayEdit: () => true,
  save: (leadId, mark) => {
    calls.push([leadId, mark]);
    return Promise.resolve({ ok: false, error: 'NETWORK' });
  },
};

async function mount(mark: SnoozeMark | null) {
  const d = demo();
  const stuck = buildReport(d.input, { from: 0, to: DEMO_NOW + 1, now: DEMO_NOW }).stuck[0]!;
  const models = dataModels(d, { status: {} });
  const card = cardModel(models, stuck.leadId);
  const env = testEnv({ managers: d.managers });
  const view = render(
    <WithEnv env={env}>
      <CardBlock
        data={models.data}
        card={card}
        pipelineName={d.input.pipeline.name}
        snooze={{ control, mark, responsibleUserId: stuck.responsibleUserId }}
      />
    </WithEnv>,
  );
  await until(() => card.state.value.status === 'ok', 'the journey');
  return {
    env,
    leadId: stuck.leadId,
    done: () => {
      view.unmount();
      card[Symbol.dispose]();
      models.dispose();
    },
  };
}

describe('the card’s snooze (metrics.md F.6)', () => {
  it('offers «Отложить» on a stuck deal; a failed write says so', async () => {
    const m = await mount(null);
    const { t } = m.env;
    expect(screen.getByText(t('fl.card.stuck'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('fl.snooze.action') }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: t('fl.snooze.save') }));
      // The answer to the write arrives a microtask later.
      await Promise.resolve();
    });
    expect(calls.at(-1)?.[0]).toBe(m.leadId);
    expect(screen.getByRole('alert').textContent).toBe(t('fl.snooze.error.NETWORK'));
    m.done();
  });

  it('shows the mark instead of the stuck badge while the date is ahead', async () => {
    const until = DEMO_NOW + 3 * 86_400;
    const m = await mount({ until, reason: 'ждёт бюджет' });
    const { t, fmt } = m.env;
    expect(screen.queryByText(t('fl.card.stuck'))).toBeNull();
    const text = t('fl.snooze.markReason', { date: fmt.date(until), reason: 'ждёт бюджет' });
    const mark = screen.getByText(text);
    expect(mark.closest('.fl-hint')?.querySelector('[role="tooltip"]')?.textContent).toBe(
      t('fl.metric.snoozed'),
    );
    expect(screen.getByRole('button', { name: t('fl.snooze.unsnooze') })).toBeTruthy();
    m.done();
  });
});
