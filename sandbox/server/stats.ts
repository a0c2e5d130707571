/**
 * What a load cost the emulator, for `GET /_sandbox/stats`: every `/api/v4/*` request the clients
 * made (whatever the gate answered: 401, 403, 429 and 5xx are requests too), by path, by status,
 * how many of them were turned away with 429, and how often a list had to be filtered and sorted
 * from the whole account instead of served from the list cache.
 */

export interface StatsSnapshot {
  readonly requests: {
    readonly total: number;
    /** By path without the query string, e.g. `/api/v4/leads`. */
    readonly byPath: Readonly<Record<string, number>>;
  };
  /** Answered 429, by the rate limiter or by the 429-storm fault. */
  readonly rejected429: number;
  /** By HTTP status as sent; a request whose client went away before the answer has none. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Lists built from the whole account (a cache miss), by path; later pages reuse them. */
  readonly listsBuilt: Readonly<Record<string, number>>;
  /** Epoch ms of the start or the last reset: the window the counts cover. */
  readonly since: number;
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Sorted, so two snapshots of the same load read (and diff) the same. */
function record(counts: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The path a request is counted under: the URL without its query, and without a trailing slash
 * (the router treats `/api/v4/users/` as `/api/v4/users`, amoCRM's docs use both).
 */
export function statsPath(url: string): string {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export class RequestStats {
  private total = 0;
  private readonly byPath = new Map<string, number>();
  private readonly byStatus = new Map<string, number>();
  private readonly listBuilds = new Map<string, number>();
  private since: number;

  constructor(private readonly now: () => number) {
    this.since = now();
  }

  /** One request as it arrives, before any check can turn it away. */
  request(path: string): void {
    this.total += 1;
    increment(this.byPath, path);
  }

  /** The status the request was answered with. */
  answered(status: number): void {
    increment(this.byStatus, String(status));
  }

  /** A list route filtered and sorted the whole account for `path`. */
  listBuilt(path: string): void {
    increment(this.listBuilds, path);
  }

  reset(): void {
    this.total = 0;
    this.byPath.clear();
    this.byStatus.clear();
    this.listBuilds.clear();
    this.since = this.now();
  }

  snapshot(): StatsSnapshot {
    return {
      requests: { total: this.total, byPath: record(this.byPath) },
      rejected429: this.byStatus.get('429') ?? 0,
      byStatus: record(this.byStatus),
      listsBuilt: record(this.listBuilds),
      since: this.since,
    };
  }
}
