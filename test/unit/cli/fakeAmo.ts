/** A local HTTP server standing in for amoCRM, answering each request as a test says. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAmo {
  readonly url: string;
  /** Each request's path and Authorization header, in arrival order. */
  readonly requests: { path: string; auth: string | undefined }[];
  /** Resolves at the first request. */
  readonly firstRequest: Promise<void>;
  /** Resolves at the next request from now. */
  nextRequest(): Promise<void>;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** Never answers: the request stays open until the server closes. */
export const hang: Handler = () => undefined;

export async function startFakeAmo(handler: Handler): Promise<FakeAmo> {
  const requests: FakeAmo['requests'] = [];
  let seen = (): void => undefined;
  const firstRequest = new Promise<void>(resolve => {
    seen = resolve;
  });
  let waiting: (() => void)[] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', auth: req.headers.authorization });
    seen();
    for (const resolve of waiting) resolve();
    waiting = [];
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    firstRequest,
    nextRequest: () => new Promise<void>(resolve => waiting.push(resolve)),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL where nothing listens (a port just freed). */
export async function refusedUrl(): Promise<string> {
  const amo = await startFakeAmo(hang);
  await amo.close();
  return amo.url;
}
