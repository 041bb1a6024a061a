import { describe, expect, it } from 'vitest';
import { RETRY_MAX_SECONDS, retryDelayMs } from '../../../../src/pipeline/work/retry-backoff.ts';

describe('retryDelayMs', () => {
  it('doubles from 30 s after each failure', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('is capped, so a large MAX_ATTEMPTS still looks at a message hourly', () => {
    expect(retryDelayMs(8)).toBe(RETRY_MAX_SECONDS * 1000);
    expect(retryDelayMs(1000)).toBe(RETRY_MAX_SECONDS * 1000);
    expect(retryDelayMs(0)).toBe(30_000);
  });
});
