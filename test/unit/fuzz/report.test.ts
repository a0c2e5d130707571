import fc from 'fast-check';
import { ApiError } from '../../../src/api/errors';
import { MAX_PRICE } from '../../../src/api/schemas';
import { createDatasetBuilder } from '../../../src/cli/bodies/dataset';
import type { Dataset } from '../../../src/cli/bodies/dataset';
import { buildReport } from '../../../src/core';
import type { FunnelReport } from '../../../src/core';
import { DUMP_NOW, sandboxDump } from './corpus';
import type { SavedBody } from './corpus';
import { applyMutation, isNeutral, mutationArb } from './mutations';
import { issueNamesPlace } from './oracle';

/**
 * The fuzz suite one level up, where the numbers land: a sandbox dump with one body mutated, read
 * as `report` reads a folder, then reported. The report is the clean one when the mutation is
 * neutral, holds only finite numbers whatever was accepted, or the reading stopped with a SCHEMA
 * error at the mutated place.
 */

const SEED = 20_261_129;
const DAY = 86_400;

function datasetOf(bodies: readonly unknown[]): Dataset {
  const builder = createDatasetBuilder();
  for (const json of bodies) builder.addBody(json);
  return builder.build();
}

function reportOf(data: Dataset, pipelineId: number): FunnelReport | null {
  const pipeline = data.pipelines.find(p => p.id === pipelineId);
  if (pipeline === undefined) return null;
  const { leads, events, lossReasons } = data;
  return buildReport(
    { pipeline, leads, events, lossReasons },
    // The demo's whole year, so every lead a test reprices is in the cohort.
    { from: DUMP_NOW - 400 * DAY, to: DUMP_NOW, now: DUMP_NOW },
  );
}

function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

describe('fuzz: a mutated sandbox dump, reported', () => {
  let dump: SavedBody[] = [];
  let pipelineId = 0;
  let clean: FunnelReport | null = null;
  beforeAll(async () => {
    dump = await sandboxDump();
    const data = datasetOf(dump.map(b => b.json));
    pipelineId = data.pipelines.find(p => p.isMain)!.id;
    clean = reportOf(data, pipelineId);
  });

  it('the clean dump reports revenue and finite numbers', () => {
    expect(clean).not.toBeNull();
    expect(clean!.totals.revenueWon).toBeGreaterThan(0);
    expect(nonFinite(clean)).toEqual([]);
  });

  it('one mutated body: the clean report, another report of finite numbers, or an error there', () => {
    const arb = fc
      .nat({ max: dump.length - 1 })
      .chain(index => mutationArb(dump[index]!.json).map(m => ({ index, m })));
    fc.assert(
      fc.property(arb, ({ index, m }) => {
        const bodies = dump.map((b, i) => (i === index ? applyMutation(b.json, m) : b.json));
        let data: Dataset;
        try {
          data = datasetOf(bodies);
        } catch (error) {
          if (!(error instanceof ApiError) || error.code !== 'SCHEMA') throw error;
          expect(issueNamesPlace(error.issues[0]!.path, m.place)).toBe(true);
          return;
        }
        const report = reportOf(data, pipelineId);
        if (isNeutral(m)) expect(report).toEqual(clean);
        else expect(nonFinite(report)).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  /** The dump with two won leads of the pipeline priced at `price` (the single-lead body is a lost one). */
  function withWonPrices(price: number): { bodies: unknown[]; won: number } {
    let won = 0;
    const bodies = dump.map(({ name, json }) => {
      if (!name.includes('/api/v4/leads?limit=20')) return json;
      const page = structuredClone(json) as { _embedded: { leads: Record<string, unknown>[] } };
      for (const lead of page._embedded.leads) {
        if (won < 2 && lead['status_id'] === 142 && lead['pipeline_id'] === pipelineId) {
          lead['price'] = price;
          won++;
        }
      }
      return page;
    });
    return { bodies, won };
  }

  it('prices of 1e308 are refused by name, not summed to a null revenue', () => {
    const { bodies, won } = withWonPrices(1e308);
    expect(won).toBe(2);
    let error: unknown;
    try {
      datasetOf(bodies);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).issues[0]).toEqual({
      path: expect.stringMatching(/^_embedded\.leads\[\d+\]\.price$/),
      message: 'expected a price from 0 to 9007199254740991, got 1e+308',
    });
  });

  it('the largest accepted prices still sum to a finite revenue', () => {
    const { bodies, won } = withWonPrices(MAX_PRICE);
    const report = reportOf(datasetOf(bodies), pipelineId)!;
    expect(Number.isFinite(report.totals.revenueWon)).toBe(true);
    expect(report.totals.revenueWon).toBeGreaterThanOrEqual(won * MAX_PRICE);
    expect(nonFinite(report)).toEqual([]);
  });
});
