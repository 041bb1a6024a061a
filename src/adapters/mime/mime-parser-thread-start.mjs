// Plain JavaScript, so a fresh worker thread can load it before TypeScript can be: registers tsx in this thread
// (loader hooks are per thread here) and loads the TypeScript entry named in workerData. Source maps stay off, as in
// bin/intake.js: kept parsed they cost tens of MB of heap.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
process.setSourceMapsEnabled(false);
await import(workerData.entry);
