// Makes a child process end when its parent does. A parent that dies (even of SIGKILL) closes the IPC channel,
// but a child busy in synchronous work (a document stuck in a parser) never sees 'disconnect'; a watcher thread
// with its own event loop notices the parent's disappearance (the child handed to another parent) and kills
// the whole process.
import { Worker } from 'node:worker_threads';

export function exitWithParent(): void {
  process.once('disconnect', () => process.exit(0));
  const watcher = new Worker(
    `const { ppid } = process;
     setInterval(() => { if (process.ppid !== ppid) process.kill(process.pid, 'SIGKILL'); }, 500);`,
    { eval: true },
  );
  watcher.unref();
}
