/** @module A SessionStore decorator that records latency and failures of each operation in the metrics. */
import type { ServerMetrics } from '../observability/metrics.js';
import type { ContinuationRecord, SessionState, SessionStore } from './session-store.js';

export class InstrumentedSessionStore implements SessionStore {
  constructor(
    private readonly inner: SessionStore,
    private readonly metrics: ServerMetrics,
  ) {}

  get(sessionId: string): Promise<SessionState | undefined> {
    return this.time('get', () => this.inner.get(sessionId));
  }
  update(sessionId: string, change: (state: SessionState) => SessionState): Promise<SessionState> {
    return this.time('update', () => this.inner.update(sessionId, change));
  }
  delete(sessionId: string): Promise<void> {
    return this.time('delete', () => this.inner.delete(sessionId));
  }
  end(sessionId: string, ttlSeconds: number): Promise<void> {
    return this.time('end', () => this.inner.end(sessionId, ttlSeconds));
  }
  isEnded(sessionId: string): Promise<boolean> {
    return this.time('is_ended', () => this.inner.isEnded(sessionId));
  }
  ping(): Promise<void> {
    return this.time('ping', () => this.inner.ping());
  }
  saveContinuation(sessionId: string, key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void> {
    return this.time('save_continuation', () => this.inner.saveContinuation(sessionId, key, record, ttlSeconds));
  }
  loadContinuation(sessionId: string, key: string): Promise<ContinuationRecord | undefined> {
    return this.time('load_continuation', () => this.inner.loadContinuation(sessionId, key));
  }
  close(): Promise<void> {
    return this.inner.close();
  }

  private async time<T>(operation: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } catch (error) {
      this.metrics.storeErrors.inc({ operation });
      throw error;
    } finally {
      this.metrics.storeSeconds.observe((performance.now() - started) / 1000, { operation });
    }
  }
}
