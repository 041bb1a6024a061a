// Hands stored inbound messages to workers. Embedded (SQLite, one process): the database rows themselves are
// the queue. Production (PostgreSQL, many workers on many machines): pg-boss, which adds retries with
// back-off, expiry of jobs whose worker died, and SKIP LOCKED fetching so two workers never take one job.
export interface QueuedJob {
  jobId: string;
  inboundId: string;
}

export interface WorkQueue {
  /** Makes newly stored messages available to workers. Enqueuing an id twice yields one job. */
  enqueue(inboundIds: string[]): Promise<void>;
  /** Up to `limit` jobs to run now; each is then completed or failed. */
  take(limit: number): Promise<QueuedJob[]>;
  complete(job: QueuedJob): Promise<void>;
  /** The job failed with a fault; the queue decides when (or whether) to offer it again. */
  fail(job: QueuedJob, error: string): Promise<void>;
  close(): Promise<void>;
}
