/** @module A SessionStore decorator that records latency and failures of each operation in the metrics. */
import type { ServerMetrics } from './metrics.js';
import type { ContinuationRecord, SessionFact, SessionState, SessionStore } from '../session/session-store.js';

export class InstrumentedSessionStore implements SessionStore {
  constructor(
    private readonly inner: SessionStore,
    private readonly metrics: ServerMetrics,
  ) {}

  get(key: string): Promise<SessionState | undefined> {
    return this.time('get', () => this.inner.get(key));
  }
  record(key: string, facts: readonly SessionFact[]): Promise<void> {
    return this.time('record', () => this.inner.record(key, facts));
  }
  end(key: string, ttlSeconds: number): Promise<void> {
    return this.time('end', () => this.inner.end(key, ttlSeconds));
  }
  isEnded(key: string): Promise<boolean> {
    return this.time('is_ended', () => this.inner.isEnded(key));
  }
  ping(): Promise<void> {
    return this.time('ping', () => this.inner.ping());
  }
  saveContinuation(owner: string, key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void> {
    return this.time('save_continuation', () => this.inner.saveContinuation(owner, key, record, ttlSeconds));
  }
  loadContinuation(owner: string, key: string): Promise<ContinuationRecord | undefined> {
    return this.time('load_continuation', () => this.inner.loadContinuation(owner, key));
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
      this.metrics.storeSeconds.observe({ operation }, (performance.now() - started) / 1000);
    }
  }
}
