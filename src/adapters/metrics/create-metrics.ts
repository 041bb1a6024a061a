// Prometheus metrics (prom-client). Durations are measured in the process that does the work (the worker's
// message processing and OCR pages); counts come from the database at scrape time, so `intake web` running
// apart from the workers still reports the queue, the replies and the failures correctly.
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Dashboard } from '../../domain/ports/dashboard.ts';
import type { Store } from '../../domain/ports/store.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';

/** Messages whose processing start is remembered; a message that never finishes must not grow the map forever. */
const MAX_IN_FLIGHT = 1_000;

export interface MetricSources {
  dashboard: Pick<Dashboard, 'queueDepth' | 'deliveryCounts'>;
  store: Pick<Store, 'countReturnsByState' | 'countInboundByState'>;
}

export interface Metrics {
  registry: Registry;
  /** Where the counts come from; until attached only durations and process metrics are reported. */
  attach(sources: MetricSources): void;
  render(): Promise<{ contentType: string; body: string }>;
  /** Times each message from claim to its outcome being committed. */
  instrumentStore<S extends Store>(store: S): S;
  /** Times each OCR page. */
  instrumentOcr<E extends OcrEngine>(ocr: E): E;
  /** Records one OCR page timed elsewhere (the isolated document reader's process). */
  observeOcrPage(status: string, seconds: number): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  let sources: MetricSources | undefined;
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'intake_' });

  const processing = new Histogram({
    name: 'intake_message_processing_seconds',
    help: 'Time from claiming an inbound message to committing its outcome, by result.',
    labelNames: ['result'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 80],
    registers: [registry],
  });
  const ocr = new Histogram({
    name: 'intake_ocr_page_seconds',
    help: 'OCR time per page image, by outcome.',
    labelNames: ['status'],
    buckets: [0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 40],
    registers: [registry],
  });
  new Gauge({
    name: 'intake_queue_depth',
    help: 'Inbound messages waiting to be processed (received or failed and due for retry).',
    registers: [registry],
    async collect() {
      if (sources) this.set(await sources.dashboard.queueDepth());
    },
  });
  new Gauge({
    name: 'intake_replies',
    help: 'Replies in the outbox by state (sent, pending, failed).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      if (!sources) return;
      const counts = await sources.dashboard.deliveryCounts();
      this.set({ state: 'sent' }, counts.repliesSent);
      this.set({ state: 'pending' }, counts.repliesPending);
      this.set({ state: 'failed' }, counts.repliesFailed);
    },
  });
  new Gauge({
    name: 'intake_inbound_failures',
    help: 'Inbound messages that failed (will be retried) or were parked (failed too often; need an operator).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      if (!sources) return;
      const counts = await sources.dashboard.deliveryCounts();
      this.set({ state: 'failed' }, counts.inboundFailed);
      this.set({ state: 'parked' }, counts.inboundParked);
    },
  });
  new Gauge({
    name: 'intake_inbound_messages',
    help: 'Inbound messages by state; needs_attention, failed and parked wait for a person (the UI lists them under /attention).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      if (!sources) return;
      this.reset();
      for (const [state, count] of Object.entries(await sources.store.countInboundByState())) this.set({ state }, count ?? 0);
    },
  });
  new Gauge({
    name: 'intake_returns',
    help: 'Returns by lifecycle state.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      if (!sources) return;
      this.reset();
      for (const [state, count] of Object.entries(await sources.store.countReturnsByState())) this.set({ state }, count ?? 0);
    },
  });

  const started = new Map<string, number>();
  const finish = (inboundId: string | undefined, result: string) => {
    if (!inboundId) return;
    const start = started.get(inboundId);
    if (start === undefined) return;
    started.delete(inboundId);
    processing.observe({ result }, (performance.now() - start) / 1000);
  };

  return {
    registry,
    attach: (value) => {
      sources = value;
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
    instrumentStore: (store) => {
      const wrapped = Object.create(store) as typeof store;
      return Object.assign(wrapped, {
        claimInbound: async (id: string, claimant?: string) => {
          const claimed = await store.claimInbound(id, claimant);
          if (claimed) {
            if (started.size >= MAX_IN_FLIGHT) started.delete(started.keys().next().value!);
            started.set(id, performance.now());
          }
          return claimed;
        },
        recordReturn: async (input: Parameters<Store['recordReturn']>[0]) => {
          const recorded = await store.recordReturn(input);
          finish(input.inboundId, 'return');
          return recorded;
        },
        finishInbound: async (id: string, state: Parameters<Store['finishInbound']>[1], reason: string, options?: Parameters<Store['finishInbound']>[3]) => {
          await store.finishInbound(id, state, reason, options);
          finish(id, state);
        },
      });
    },
    observeOcrPage: (status, seconds) => ocr.observe({ status }, seconds),
    instrumentOcr: (engine) => {
      const wrapped = Object.create(engine) as typeof engine;
      return Object.assign(wrapped, {
        recognize: async (job: Parameters<OcrEngine['recognize']>[0]) => {
          const end = ocr.startTimer();
          const outcome = await engine.recognize(job);
          end({ status: outcome.status });
          return outcome;
        },
      });
    },
  };
}
