// The one map from AppError codes to HTTP statuses; every route throws and this decides what the browser sees.
import type { AppErrorCode } from '../domain/app-error.ts';

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  config_invalid: 500,
  ocr_unavailable: 503,
  database_unavailable: 503,
  mailbox_unavailable: 503,
  transport_failed: 502,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
};
