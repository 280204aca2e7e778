// A real HTTP upstream on 127.0.0.1 that records every request and answers as each test tells it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body's bytes, for binary uploads. */
  raw: Buffer;
}

export type Responder = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface Upstream {
  url: string;
  requests: RecordedRequest[];
  /** Replaces how the upstream answers; default: 200 with a JSON echo of the request. */
  respond(responder: Responder): void;
  close(): Promise<void>;
}

export const echo: Responder = (request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ method: request.method, url: request.url, body: request.body }));
};

export async function startUpstream(): Promise<Upstream> {
  const requests: RecordedRequest[] = [];
  let responder: Responder = echo;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw.toString('utf8'), raw };
      requests.push(recorded);
      Promise.resolve(responder(recorded, res)).catch((error: Error) => {
        res.writeHead(500);
        res.end(error.message);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: (next) => {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
