// Runs tesseract.js's own Node worker script, with one change: when the engine fails to start (missing or
// corrupt language data) or throws, this thread ends itself. tesseract.js never settles createWorker on such
// a failure and gives the caller no handle to the thread, which would otherwise stay alive forever and keep
// the process from exiting.
'use strict';

const { parentPort } = require('node:worker_threads');

const STARTUP_ACTIONS = new Set(['load', 'loadLanguage', 'initialize']);
const post = parentPort.postMessage.bind(parentPort);

function endSoon() {
  // Let the reject message reach the parent before the thread goes away.
  setTimeout(() => process.exit(1), 50);
}

let failed = false;
parentPort.postMessage = (message) => {
  // After a failed start nothing more may reach the parent: tesseract.js's `initialize` posts a 'resolve'
  // right after its 'reject', and the parent, having no pending promise left for it, throws uncaught.
  if (failed) return;
  post(message);
  if (message && message.status === 'reject' && STARTUP_ACTIONS.has(message.action)) {
    failed = true;
    endSoon();
  }
};

// A crash inside the engine ends only this thread; the pool sees the exit and fails or replaces the job.
// (Posting a reply here would not help: tesseract.js has no pending promise to match it to.)
process.on('uncaughtException', () => process.exit(1));

require(require.resolve('tesseract.js/src/worker-script/node/index.js'));
