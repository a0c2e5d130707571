/**
 * Sending list bodies, broken on demand. The breakages are the ones a client meets in the wild:
 * a PHP notice printed before the JSON, a body cut off mid-way, or valid JSON whose item has a
 * field of the wrong type.
 */
import type { FastifyReply } from 'fastify';
import { sendHal } from '../hal';
import type { SandboxContext } from '../types';
import type { MalformedKind } from './config';

export interface ListBody {
  readonly _embedded: Readonly<Record<string, readonly object[]>>;
  readonly [key: string]: unknown;
}

const PHP_NOTICE =
  '<br />\n<b>Notice</b>:  Undefined index: status_id in <b>/var/www/api/v4/Leads.php</b> on line <b>217</b><br />\n';

/** The field made schema-invalid per collection: a number sent as a string. */
const WRONG_TYPE_FIELD: Readonly<Record<string, string>> = {
  leads: 'status_id',
  events: 'created_at',
  statuses: 'sort',
};

function withWrongType(body: ListBody, collection: string): ListBody {
  const items = body._embedded[collection] ?? [];
  const [first, ...rest] = items;
  if (first === undefined) return body;
  const key = WRONG_TYPE_FIELD[collection] ?? 'id';
  const value: unknown = (first as Record<string, unknown>)[key];
  const broken = { ...first, [key]: String(value) };
  return { ...body, _embedded: { ...body._embedded, [collection]: [broken, ...rest] } };
}

export function corruptBody(body: ListBody, collection: string, kind: MalformedKind): string {
  switch (kind) {
    case 'invalid-json':
      return PHP_NOTICE + JSON.stringify(body);
    case 'truncated': {
      const json = JSON.stringify(body);
      return json.slice(0, Math.floor(json.length / 2));
    }
    case 'schema':
      return JSON.stringify(withWrongType(body, collection));
  }
}

/** A 200 list response, corrupted instead when the malformed-body fault has one pending. */
export function sendList(
  ctx: SandboxContext,
  reply: FastifyReply,
  body: ListBody,
  collection: string,
): FastifyReply {
  const kind = ctx.faults.takeMalformedBody();
  if (kind === undefined) return sendHal(reply, body);
  return reply
    .code(200)
    .type('application/hal+json')
    .send(corruptBody(body, collection, kind));
}
