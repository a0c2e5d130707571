import type { z } from 'zod/mini';

/** One schema failure: a readable JSON path (`_embedded.leads[3].status_id`) and what was wrong. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a zod issue path the way a reader would type it into a JSON viewer.
 *
 * @example
 * formatIssuePath(['_embedded', 'leads', 3, 'status_id']) //=> '_embedded.leads[3].status_id'
 * formatIssuePath(['validation-errors', 0])               //=> '["validation-errors"][0]'
 * formatIssuePath([])                                     //=> ''
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'symbol') out += `[${key.toString()}]`;
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Joins a prefix and a relative path produced by formatIssuePath. */
export function joinIssuePath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/*
 * The wording of each issue lives here once: zod's issues are phrased by messageOf, and the
 * hand-written page readers (pages/) phrase theirs with the same functions, so a reader of an error
 * cannot tell which checker found it.
 */

/** `missing (expected number)` for an absent value, else `expected number, got string`. */
export function typeMessage(expected: string, input: unknown): string {
  return input === undefined
    ? `missing (expected ${expected})`
    : `expected ${expected}, got ${describe(input)}`;
}

export function tooManyItems(maximum: number | bigint): string {
  return `too many items (at most ${String(maximum)})`;
}

export function tooFewItems(minimum: number | bigint): string {
  return `too few items (at least ${String(minimum)})`;
}

/** A union whose input had an accepted type but fitted none of the branches' shapes. */
export const NO_SHAPE_MATCHES = 'matches none of the accepted shapes';

type Issue = z.core.$ZodIssue;

/** Short technical wording; the value itself is never echoed (it may be personal data). */
function messageOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // A tuple is an array in JSON; that is the word a reader of the body knows.
      const expected = issue.expected === 'tuple' ? 'array' : issue.expected;
      // Without reportInput the key is absent and we cannot tell "missing" from "wrong type".
      if (!('input' in issue)) return `expected ${expected}`;
      return typeMessage(expected, issue.input);
    }
    case 'too_big':
      return issue.origin === 'array'
        ? tooManyItems(issue.maximum)
        : `too big (at most ${String(issue.maximum)})`;
    case 'too_small':
      return issue.origin === 'array'
        ? tooFewItems(issue.minimum)
        : `too small (at least ${String(issue.minimum)})`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      const expected = issue.errors.flatMap(branch =>
        branch.flatMap(i => (i.code === 'invalid_type' && i.path.length === 0 ? [i.expected] : [])),
      );
      return expected.length === issue.errors.length
        ? `expected ${expected.join(' or ')}${'input' in issue ? `, got ${describe(issue.input)}` : ''}`
        : NO_SHAPE_MATCHES;
    }
    case 'custom':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return issue.message;
  }
}

/**
 * Flattens a zod error into readable issues. Parse with `{ reportInput: true }` so type errors
 * can say what they got; without it they still name the expected type.
 */
export function schemaIssues(error: z.core.$ZodError): SchemaIssue[] {
  return error.issues.map(issue => ({
    path: formatIssuePath(issue.path),
    message: messageOf(issue),
  }));
}
