/**
 * A synthetic amoCRM account for the benchmarks, as the API would return it: raw lead and event
 * bodies page by page, built on demand from a seeded generator so that no run keeps hundreds of
 * megabytes of JSON alive (the garbage collector would then be what is measured). Leads walk the
 * pipeline's stages like real deals: forward mostly, sometimes back, some won, some lost.
 */
export interface SyntheticPipeline {
  readonly id: number;
  /** The incoming status, then the open stages in order. */
  readonly incoming: number;
  readonly stages: readonly number[];
}

export interface SyntheticOptions {
  readonly pipeline: SyntheticPipeline;
  readonly leads: number;
  /** Status changes per lead (on average a little fewer: repeats of a status are skipped). */
  readonly changesPerLead: number;
  readonly now: number;
  readonly firstLeadId?: number;
  readonly seed?: number;
}

const DAY = 86_400;

export interface RawLead {
  readonly id: number;
  readonly [key: string]: unknown;
}

export interface RawChange {
  readonly id: string;
  readonly entity_id: number;
  readonly created_at: number;
  readonly [key: string]: unknown;
}

/** One lead and its status changes, oldest first. */
export interface SyntheticLead {
  readonly lead: RawLead;
  readonly changes: readonly RawChange[];
}

/** Deterministic leads one at a time (the same options give the same account). */
export function* syntheticLeads(o: SyntheticOptions): Generator<SyntheticLead> {
  let seed = o.seed ?? 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const P = o.pipeline.id;
  const { stages } = o.pipeline;
  const first = o.firstLeadId ?? 20_000_000;
  let eventNo = 0;
  for (let k = 0; k < o.leads; k++) {
    const id = first + k;
    const created = Math.floor(o.now - (1 - k / o.leads) * 365 * DAY - rand() * 3600);
    let at = created;
    let index = 0;
    let status = stages[0] ?? o.pipeline.incoming;
    const changes: RawChange[] = [];
    for (let step = 0; step < o.changesPerLead; step++) {
      at += Math.floor(rand() * 2 * DAY);
      const roll = rand();
      // A young lead has made fewer moves so far; piling its later ones up at "now" would make
      // the last minutes before the bench the busiest of the year.
      if (at > o.now - 60) break;
      index =
        roll < 0.2
          ? Math.max(0, index - 1)
          : Math.min(stages.length - 1, index + 1 + (roll > 0.9 ? 1 : 0));
      const last = step === o.changesPerLead - 1;
      const next = last && roll < 0.3 ? 143 : last && roll > 0.8 ? 142 : (stages[index] ?? status);
      if (next === status) continue;
      eventNo++;
      const eid = `01${eventNo.toString(36).padStart(12, '0')}${id.toString(36).padStart(12, 'x')}`;
      changes.push({
        id: eid,
        type: 'lead_status_changed',
        entity_id: id,
        entity_type: 'lead',
        created_by: 0,
        created_at: at,
        value_before: [{ lead_status: { id: status, pipeline_id: P } }],
        value_after: [{ lead_status: { id: next, pipeline_id: P } }],
        account_id: 1,
        _links: { self: { href: `https://example.amocrm.ru/api/v4/events/${eid}` } },
      });
      status = next;
    }
    const closed = status === 142 || status === 143;
    yield {
      lead: {
        id,
        name: `Сделка #${id}`,
        price: Math.floor(rand() * 500_000),
        responsible_user_id: 500_001 + (id % 12),
        group_id: 0,
        status_id: status,
        pipeline_id: P,
        loss_reason_id: status === 143 ? 4_203_748 : null,
        created_by: 504_141,
        updated_by: 504_141,
        created_at: created,
        updated_at: changes.at(-1)?.created_at ?? created,
        closed_at: closed ? at : null,
        closest_task_at: null,
        is_deleted: false,
        custom_fields_values: null,
        score: null,
        account_id: 1,
        labor_cost: null,
        _links: { self: { href: `https://example.amocrm.ru/api/v4/leads/${id}` } },
        _embedded: { tags: [], companies: [] },
      },
      changes,
    };
  }
}

/** A list body as amoCRM returns a page of it, as the JSON text that crosses the network. */
export function pageText(
  key: 'leads' | 'events',
  page: number,
  items: readonly unknown[],
  last: boolean,
): string {
  const base = `https://example.amocrm.ru/api/v4/${key}?page=`;
  return JSON.stringify({
    _page: page,
    _links: {
      self: { href: `${base}${page}` },
      ...(last ? {} : { next: { href: `${base}${page + 1}` } }),
    },
    _embedded: { [key]: items },
  });
}
