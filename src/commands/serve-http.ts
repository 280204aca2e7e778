/** @module Serves MCP over Streamable HTTP: one replica of many, sessions in Memcached (or in memory for a single replica). */
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { createLogger } from '../log.js';
import { ServerMetrics } from '../observability/metrics.js';
import { InstrumentedSessionStore } from '../session/instrumented-session-store.js';
import { MemcachedSessionStore } from '../session/memcached-session-store.js';
import { MemorySessionStore } from '../session/memory-session-store.js';
import type { SessionStore } from '../session/session-store.js';
import { defaultAllowedHosts } from '../transports/http/request-guards.js';
import { startHttpServer } from '../transports/http/http-server.js';
import { prepareRuntime } from './prepare-runtime.js';

export async function runHttpServer(config: Config): Promise<void> {
  const { http } = config;
  const logger = createLogger({ level: config.logLevel, json: config.logJson });
  const runtime = await prepareRuntime(config, logger);
  const metrics = new ServerMetrics();
  const base: SessionStore = http.memcached.length
    ? new MemcachedSessionStore({ servers: http.memcached, ttlSeconds: http.sessionTtlSeconds })
    : new MemorySessionStore({ ttlMs: http.sessionTtlSeconds * 1000 });
  const store = new InstrumentedSessionStore(base, metrics);
  if (!http.memcached.length) logger.warn('No --memcached given: sessions live in this process, so run a single replica.');
  let secret = http.sessionSecret;
  if (!secret) {
    secret = randomBytes(48).toString('base64');
    logger.warn('No --session-secret given: a random one was made, so session ids of this replica are valid only here. Give every replica the same secret.');
  }
  const server = await startHttpServer({
    runtime,
    store,
    metrics,
    host: http.host,
    port: http.port,
    guards: { allowedHosts: defaultAllowedHosts(http.host, http.allowedHosts), allowedOrigins: new Set(http.allowedOrigins), authTokens: http.authTokens },
    sessionSecret: secret,
    sessionMaxAgeMs: http.sessionMaxAgeSeconds * 1000,
    maxBodyBytes: http.maxBodyBytes,
    credentialHeaders: http.credentialHeaders,
    jsonResponses: http.jsonResponses,
  });
  logger.info(`Serving ${runtime.catalog.title} (${runtime.catalog.operations.length} endpoints) at ${server.url}/mcp`, {
    store: http.memcached.length ? `memcached ${http.memcached.join(',')}` : 'memory',
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
