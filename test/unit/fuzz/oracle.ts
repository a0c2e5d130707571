import { ApiError, formatIssuePath } from '../../../src/api/errors';
import type { SchemaIssue } from '../../../src/api/errors';
import { MAX_EPOCH_SECONDS, MAX_PRICE, MIN_EPOCH_SECONDS } from '../../../src/api/schemas';
import { parseBody, recognizeBody, recognizeSyncBody } from '../../../src/cli/bodies/recognize';
import type { ParsedBody } from '../../../src/cli/bodies/recognize';
import type { Place } from './mutations';

/**
 * What the fuzz suite accepts from the body reader, and nothing else: a value whose every number
 * came from the body and passes the rules, a skip (outside a sync folder, for a body it does not
 * read), or a SCHEMA error whose first issue names a path at the mutated place.
 */

export type Read =
  | { readonly ok: ParsedBody }
  | { readonly skipped: true }
  | { readonly issues: readonly SchemaIssue[] };

/**
 * The CLI's reading of one saved body (src/cli/loadDir.ts): recognised by shape, then parsed.
 * Only SCHEMA errors are an answer; anything else thrown escapes, and fails the property.
 */
export function readSaved(json: unknown, inSyncFolder: boolean): Read {
  try {
    const recognized = inSyncFolder ? recognizeSyncBody(json) : recognizeBody(json);
    if (recognized.kind === 'unknown') return { skipped: true };
    return { ok: parseBody(recognized.kind, json) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'SCHEMA') return { issues: error.issues };
    throw error;
  }
}

/** `a` is `b` or a path above it (`_embedded.leads` above `_embedded.leads[0].id`). */
function isPrefix(a: string, b: string): boolean {
  return a === '' || a === b || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
}

/**
 * An issue belongs to a mutated place when it is at the place, above it (the item or union that
 * the place made fail) or at the place's parent or below (a sibling the place gave a meaning to,
 * as an event's `type` does to its values, or `is_deleted` to a deleted lead's missing fields).
 */
export function issueNamesPlace(issuePath: string, place: Place): boolean {
  const at = formatIssuePath(place);
  const parent = formatIssuePath(place.slice(0, -1));
  return isPrefix(issuePath, at) || isPrefix(parent, issuePath);
}

function numbersIn(value: unknown, out: Set<number>): Set<number> {
  if (typeof value === 'number') out.add(value);
  else if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) numbersIn(child, out);
  }
  return out;
}

const isId = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
const isRef = (n: unknown) => n === null || (Number.isSafeInteger(n) && (n as number) >= 0);
const isTime = (n: unknown) =>
  typeof n === 'number' && Number.isInteger(n) && n >= MIN_EPOCH_SECONDS && n < MAX_EPOCH_SECONDS;

/** Each number of a parsed value by its name, as the rules of src/api/schemas/numbers.ts say. */
const RULES: Readonly<Record<string, (n: unknown, parentKey: string) => boolean>> = {
  id: (n, parentKey) => typeof n !== 'number' || (parentKey === 'usersGroups' ? isRef(n) : isId(n)),
  pipelineId: isId,
  statusId: isId,
  leadId: isId,
  currentUserId: isId,
  createdAt: isTime,
  updatedAt: isTime,
  closedAt: n => n === null || isTime(n),
  price: n => typeof n === 'number' && n >= 0 && n <= MAX_PRICE,
  responsibleUserId: isRef,
  lossReasonId: isRef,
  groupId: isRef,
};

/**
 * What is wrong with the numbers of a parsed body: one that is not finite, breaks its rule, or
 * appears nowhere in the body it was read from (0 is allowed: it is the reader's default for a
 * null price or sort).
 */
export function numberProblems(parsed: ParsedBody, body: unknown): string[] {
  const inBody = numbersIn(body, new Set([0]));
  const problems: string[] = [];
  const walk = (value: unknown, key: string, parentKey: string, path: string) => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`${path}: ${value} is not finite`);
      if (!inBody.has(value)) problems.push(`${path}: ${value} is not in the body`);
    }
    const rule = RULES[key];
    if (rule !== undefined && !rule(value, parentKey))
      problems.push(`${path}: ${String(value)} breaks the rule for ${key}`);
    if (typeof value === 'object' && value !== null) {
      for (const [k, child] of Object.entries(value)) {
        const childKey = Array.isArray(value) ? key : k;
        walk(child, childKey, Array.isArray(value) ? parentKey : key, `${path}.${k}`);
      }
    }
  };
  walk(parsed, '', '', '');
  return problems;
}
