// The return policy in force, for a process that runs for days: the shop edits its policy file (its real return
// address, most often) and the running worker and UI pick the change up without a restart. A changed file is
// validated exactly as at start-up; one that fails keeps the policy before it, and says so here.
import type { Policy } from '../policy/policy-schema.ts';

export interface PolicyStatus {
  /** The policy file, or `preset <name>` when none is configured (then nothing changes while running). */
  source: string;
  /** The first 12 hex digits of the SHA-256 of the text in force. */
  version: string;
  /** When the policy in force was read. */
  loadedAt: Date;
  /** The newest change to the file that was refused; the policy in force is the one before it. */
  refused?: { at: Date; message: string };
}

export type PolicyRefresh = 'unchanged' | 'reloaded' | 'refused';

export interface PolicySource {
  /** The last valid policy read. */
  current(): Policy;
  /** Looks whether the file changed since the last look (cheap when it did not) and reads it if it did. Never throws. */
  refresh(): Promise<PolicyRefresh>;
  status(): PolicyStatus;
}
