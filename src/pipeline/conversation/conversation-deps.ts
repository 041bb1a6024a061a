// What the desk's work on conversations needs besides an agent's review dependencies: the conversations port,
// the MIME parser and the document reader (to read the stored e-mails and their attachments), and the store that
// records a return started from an e-mail.
import type { Conversations } from '../../domain/ports/conversations.ts';
import type { DocumentReader } from '../../domain/ports/document-reader.ts';
import type { MimeParser } from '../../domain/ports/mime-parser.ts';
import type { Store } from '../../domain/ports/store.ts';
import type { ReviewDeps } from '../review/review-deps.ts';

export interface ConversationDeps extends ReviewDeps {
  conversations: Conversations;
  mime: MimeParser;
  store: Pick<Store, 'recordReturn' | 'returnNumberExists'>;
  /** Reads an e-mail's attachments as the worker does (PDF, form fields, OCR): a return started from mail is read. */
  documents: DocumentReader;
  /** An integer in [0, 31) for return numbers; crypto's randomInt in production. */
  random: () => number;
}

/** Unassigned e-mails an agent may answer, attach or start a return from: ones the worker no longer touches. */
export const UNASSIGNED_STATES = ['needs_attention', 'parked'] as const;

/** The key an agent's reply form carries: the same form sent twice makes the same Message-ID, sent once. */
export const REPLY_KEY = /^[a-f0-9]{32}$/;
