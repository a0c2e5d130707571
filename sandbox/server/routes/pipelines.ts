/**
 * Pipelines and their statuses (reference §1): every pipeline in one unpaged list with a total,
 * statuses embedded; the statuses list has a total but, as in the doc example, no `_links`.
 * Open to every user. An unknown pipeline or status is a 404 problem.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoPipeline } from '../../demo/types';
import { sendList } from '../faults/malformed';
import { requestOrigin, selfLink, sendHal } from '../hal';
import { sendProblem } from '../problem';
import { queryOf, toInt, withSet } from '../query';
import { bySort, serializePipeline, serializeStatus, type StatusOptions } from '../serialize';
import type { SandboxContext } from '../types';

interface PipelineParams {
  pipelineId: string;
}

interface StatusParams extends PipelineParams {
  statusId: string;
}

function statusOptions(request: FastifyRequest): StatusOptions {
  return { descriptions: withSet(queryOf(request)).has('descriptions') };
}

function notFound(reply: FastifyReply, what: string): FastifyReply {
  return sendProblem(reply, 404, `${what} not found`);
}

function findPipeline(ctx: SandboxContext, id: string): DemoPipeline | undefined {
  const pipelineId = toInt(id);
  return ctx.account.pipelines.find(pipeline => pipeline.id === pipelineId);
}

export function registerPipelineRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/leads/pipelines', (request, reply) => {
    const origin = requestOrigin(request);
    const options = statusOptions(request);
    const pipelines = bySort(ctx.account.pipelines);
    return sendList(
      ctx,
      reply,
      {
        _total_items: pipelines.length,
        _links: { self: selfLink(request) },
        _embedded: {
          pipelines: pipelines.map(pipeline => serializePipeline(origin, pipeline, options)),
        },
      },
      'pipelines',
    );
  });

  app.get<{ Params: PipelineParams }>('/leads/pipelines/:pipelineId', (request, reply) => {
    const pipeline = findPipeline(ctx, request.params.pipelineId);
    if (pipeline === undefined) return notFound(reply, `Pipeline ${request.params.pipelineId}`);
    return sendHal(
      reply,
      serializePipeline(requestOrigin(request), pipeline, statusOptions(request)),
    );
  });

  app.get<{ Params: PipelineParams }>('/leads/pipelines/:pipelineId/statuses', (request, reply) => {
    const pipeline = findPipeline(ctx, request.params.pipelineId);
    if (pipeline === undefined) return notFound(reply, `Pipeline ${request.params.pipelineId}`);
    const origin = requestOrigin(request);
    const options = statusOptions(request);
    return sendList(
      ctx,
      reply,
      {
        _total_items: pipeline.statuses.length,
        _embedded: {
          statuses: bySort(pipeline.statuses).map(status =>
            serializeStatus(origin, status, options),
          ),
        },
      },
      'statuses',
    );
  });

  app.get<{ Params: StatusParams }>(
    '/leads/pipelines/:pipelineId/statuses/:statusId',
    (request, reply) => {
      const pipeline = findPipeline(ctx, request.params.pipelineId);
      if (pipeline === undefined) return notFound(reply, `Pipeline ${request.params.pipelineId}`);
      const statusId = toInt(request.params.statusId);
      const status = pipeline.statuses.find(item => item.id === statusId);
      if (status === undefined) return notFound(reply, `Status ${request.params.statusId}`);
      return sendHal(
        reply,
        serializeStatus(requestOrigin(request), status, statusOptions(request)),
      );
    },
  );
}
