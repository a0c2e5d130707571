/**
 * The sandbox server: the API plugin, the control and login routes, and any extra plugins (the
 * host pages) sharing one context. `startSandbox` is what `npm start`, the CLI and the e2e tests
 * use; tests of the API alone call `createSandboxApp` and `app.inject`.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import qs from 'qs';
import { createSandboxContext, type SandboxContextOptions } from './context';
import { registerControlRoutes } from './control';
import { sendProblem } from './problem';
import { createApiPlugin } from './plugin';
import { registerSessionRoutes } from './sessionRoutes';
import type { SandboxContext, SandboxPlugin } from './types';

/** Deep enough for `filter[value_after][leads_statuses][0][pipeline_id]`, long enough for id lists. */
const QS_OPTIONS = { depth: 6, arrayLimit: 1000, parameterLimit: 5000 } as const;

export interface SandboxAppExtras {
  /** Registered after the API with `{ ctx }` as their options (e.g. the host pages). */
  readonly plugins?: readonly SandboxPlugin[];
  readonly logger?: boolean;
}

export type SandboxAppOptions = ({ readonly context: SandboxContext } | SandboxContextOptions) &
  SandboxAppExtras;

export function createSandboxApp(options: SandboxAppOptions): FastifyInstance {
  const ctx = 'context' in options ? options.context : createSandboxContext(options);
  const app = Fastify({
    logger: options.logger ?? false,
    routerOptions: {
      querystringParser: query => qs.parse(query, QS_OPTIONS),
      // amoCRM's own links come with and without the slash (`/api/v4/users/?with=…` in the docs).
      ignoreTrailingSlash: true,
    },
  });
  void app.register(createApiPlugin(ctx));
  registerControlRoutes(app, ctx);
  registerSessionRoutes(app, ctx);
  for (const plugin of options.plugins ?? []) void app.register(plugin, { ctx });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, `Cannot ${request.method} ${request.url}`),
  );
  return app;
}

export interface StartSandboxOptions extends SandboxContextOptions, SandboxAppExtras {
  readonly host?: string;
  /** 0 picks a free port (tests); the URL reports the real one. */
  readonly port?: number;
}

export interface RunningSandbox {
  readonly url: string;
  readonly ctx: SandboxContext;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8642;

export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const ctx = createSandboxContext(options);
  const app = createSandboxApp({
    context: ctx,
    ...(options.plugins !== undefined && { plugins: options.plugins }),
    ...(options.logger !== undefined && { logger: options.logger }),
  });
  const host = options.host ?? DEFAULT_HOST;
  await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  const { port } = app.server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}`, ctx, app, close: () => app.close() };
}
