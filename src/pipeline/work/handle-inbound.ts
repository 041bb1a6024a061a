// One job: claim a stored message, process it, commit the outcome, and only then mark it in the mailbox.
// A fault is recorded on the message (failed, with the error) and retried; after maxAttempts it is parked
// for an operator. Nothing is ever dropped.
import { AppError } from '../../domain/app-error.ts';
import type { Mailbox } from '../../domain/ports/mailbox.ts';
import type { ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { Store } from '../../domain/ports/store.ts';
import { processMessage, type ProcessDeps } from '../process/process-message.ts';
import type { ProcessOutcome } from '../process/process-outcome.ts';
import { recordOutcome } from '../record/record-outcome.ts';

export interface HandleDeps extends ProcessDeps {
  store: Store & ReturnUpdates;
  mailbox: Mailbox;
  maxAttempts: number;
}

export type HandleResult =
  | { status: 'done'; outcome: ProcessOutcome['kind']; returnNumber?: string }
  | { status: 'skipped' } // another worker has it, or it is already done
  | { status: 'failed' | 'parked'; error: string };

/** Conflicts (a taken return number: 1 in 27 billion; a return moved by an agent meanwhile) are retried this often. */
const NUMBER_RETRIES = 3;

export async function handleInbound(inboundId: string, deps: HandleDeps): Promise<HandleResult> {
  const inbound = await deps.store.claimInbound(inboundId);
  if (!inbound) return { status: 'skipped' };
  try {
    let result: { returnNumber?: string } = {};
    let outcome: ProcessOutcome | undefined;
    for (let attempt = 0; attempt < NUMBER_RETRIES; attempt++) {
      outcome = await processMessage(inbound, deps);
      try {
        result = await recordOutcome(deps.store, inbound.id, outcome);
        break;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'conflict') || attempt === NUMBER_RETRIES - 1) throw error;
      }
    }
    if (inbound.mailboxId === deps.mailbox.id) await deps.mailbox.markProcessed(inbound.mailboxKey);
    return { status: 'done', outcome: outcome!.kind, returnNumber: result.returnNumber };
  } catch (error) {
    const message = describe(error);
    const park = inbound.attempts + 1 >= deps.maxAttempts;
    await deps.store.finishInbound(inbound.id, park ? 'parked' : 'failed', message);
    return { status: park ? 'parked' : 'failed', error: message };
  }
}

function describe(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
