/** @module Serves MCP over Streamable HTTP, both protocol eras: one replica of many, conversation state in Memcached (or in memory for a single replica). */
import type { Config } from '../config.js';
import { createLogger } from '../create-logger.js';
import { instrumentFetch } from '../observability/instrument-fetch.js';
import { ServerMetrics } from '../observability/metrics.js';
import { createRuntime } from '../runtime.js';
import { createSessionStore, describeSessionStore, sessionBackends } from '../session/create-session-store.js';
import { InstrumentedSessionStore } from '../observability/instrumented-session-store.js';
import { defaultAllowedHosts } from '../transports/http/request-guards.js';
import { startHttpServer } from '../transports/http/http-server.js';
import { prepareRuntime } from './prepare-runtime.js';

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

export async function runHttpServer(config: Config): Promise<void> {
  const { http } = config;
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const options = await prepareRuntime(config, logger);
  const metrics = new ServerMetrics();
  const store = new InstrumentedSessionStore(await createSessionStore(config), metrics);
  if (!config.sessionStore) {
    const flags = sessionBackends.map((b) => b.flags.split(' ')[0]).join(' or ');
    logger.warn(`No ${flags} given: conversation state lives in this process, so run a single replica.`);
  }
  if (!config.sessionSecret) {
    logger.warn(
      'No --session-secret given: a random one was made, so session handles of this replica are valid only here. Give every replica the same secret.',
    );
  }
  if (!loopback.has(http.host) && !http.authTokens.length) {
    logger.warn(`Listening on ${http.host} without --auth-token: anyone who can reach this port can call the API with this server's credentials.`);
  }
  const runtime = createRuntime({
    ...options,
    store,
    fetch: instrumentFetch((input, init) => globalThis.fetch(input, init), metrics),
    onToolCall: (tool, outcome) => metrics.toolCalls.inc({ outcome, tool }),
  });
  const server = await startHttpServer({
    runtime,
    metrics,
    host: http.host,
    port: http.port,
    guards: { allowedHosts: defaultAllowedHosts(http.host, http.allowedHosts), allowedOrigins: new Set(http.allowedOrigins), authTokens: http.authTokens },
    sessionMaxAgeSeconds: config.sessionMaxAgeSeconds,
    requestBodyBudgetBytes: config.maxDownloadBytes,
    maxBodyBytes: http.maxBodyBytes,
    credentialHeaders: http.credentialHeaders,
    jsonResponses: http.jsonResponses,
    metricsPublic: http.metricsPublic,
  });
  logger.info(`Serving ${runtime.catalog.title} (${runtime.catalog.operations.length} endpoints) at ${server.url}/mcp`, {
    store: describeSessionStore(config),
    clientAuth: http.authTokens.length ? 'bearer' : 'none',
  });

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info(`${signal} received: finishing requests in flight, then stopping.`);
      void server
        .close()
        .then(() => store.close())
        .finally(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
