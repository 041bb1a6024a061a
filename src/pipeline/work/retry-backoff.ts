// When a message that failed is tried again. A fault is usually passing (OCR worker crash, database restart,
// a full disk being cleared); retrying at once would burn every attempt within one round and park the message.

/** First retry 30 s after the failure: long enough for a restarted dependency, short for a customer waiting. */
export const RETRY_BASE_SECONDS = 30;
/** Doubling stops here, so with a larger MAX_ATTEMPTS a message is still looked at hourly, not daily. */
export const RETRY_MAX_SECONDS = 60 * 60;

/** After the `attempts`-th failure (1 for the first): 30 s, 60 s, 120 s, … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(RETRY_BASE_SECONDS * 2 ** exponent, RETRY_MAX_SECONDS) * 1000;
}
