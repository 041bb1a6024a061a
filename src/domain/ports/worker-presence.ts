// Which worker process is processing a message: each holds a lease while it runs, and the rows it claims name it,
// so a killed worker's messages are handed out again once its lease is gone, not after a long timeout.
export interface WorkerPresence {
  /** This worker's id, recorded on the rows it claims. */
  readonly id: string;
  /** Rows left `processing` by workers that are gone go back to `received`; returns their ids. */
  releaseOrphans(): Promise<string[]>;
}
