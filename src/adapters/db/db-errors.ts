// Maps Prisma and driver errors to AppError codes: what callers can act on (retry, 409, 404), nothing else.
import { AppError } from '../../domain/app-error.ts';

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === 'P2002';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return prismaCode(error) === 'P2003';
}

export function isRecordNotFound(error: unknown): boolean {
  return prismaCode(error) === 'P2025';
}

const UNAVAILABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|Can't reach database|database is locked|SQLITE_BUSY|Connection terminated|too many clients/i;

/** Wraps faults in AppError; `what` names the operation in the message. Already-mapped errors pass through. */
export function toAppError(error: unknown, what: string): unknown {
  if (error instanceof AppError) return error;
  const code = prismaCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (
    (code !== undefined && /^P1\d{3}$/.test(code)) ||
    (error as Error | null)?.name === 'PrismaClientInitializationError' ||
    UNAVAILABLE.test(message)
  ) {
    return new AppError('database_unavailable', `${what}: ${message}`, { cause: error });
  }
  if (code === 'P2002') return new AppError('conflict', `${what}: ${message}`, { cause: error });
  if (code === 'P2025') return new AppError('not_found', `${what}: ${message}`, { cause: error });
  return error;
}

/** Runs `fn`, rethrowing faults as AppError (see toAppError). */
export async function guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toAppError(error, what);
  }
}
