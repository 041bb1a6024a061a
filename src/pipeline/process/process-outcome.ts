// What processing one inbound message produced, as a value; recording it is a separate step.
import type { ReturnUpdate } from '../../domain/ports/return-updates.ts';
import type { RecordReturnInput } from '../../domain/ports/store.ts';

export type ProcessOutcome =
  /** Deliberately not answered: auto-reply, bounce, mailing list, our own mail. */
  | { kind: 'ignored'; reason: string }
  /** Not an application and not about one: an agent should read it. No auto-reply. */
  | { kind: 'needs_attention'; reason: string }
  /** A return was created (approved, rejected, under review, or waiting for the application) with its reply. */
  | { kind: 'return'; record: Omit<RecordReturnInput, 'inboundId'> }
  /** A customer's e-mail about an existing return (tracking number, clearer photo, question). */
  | { kind: 'follow_up'; update: ReturnUpdate };
