// Faults (not expected outcomes) carry one error type with a code; the web layer maps codes to HTTP,
// the worker maps them to retry-or-park.
export const APP_ERROR_CODES = [
  'config_invalid',
  'ocr_unavailable', // language data missing/corrupt, or the OCR engine failed to start
  'database_unavailable',
  'mailbox_unavailable',
  'transport_failed',
  'not_found',
  'conflict',
  'illegal_transition',
  'validation_failed',
  'unauthorized',
  'forbidden',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/**
 * Faults that come out the same however often they are retried: the message itself is wrong for us (a value that
 * fails validation, a transition the lifecycle forbids). Retrying them five times only delays the operator.
 */
export function isPermanent(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'validation_failed' || error.code === 'illegal_transition' || error.code === 'not_found');
}

/** Faults worth retrying later: the outside system may come back. Everything else is parked at once. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.code === 'database_unavailable' || error.code === 'mailbox_unavailable' || error.code === 'transport_failed')
  );
}
