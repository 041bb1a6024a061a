// The `intake` command line. Each command lives in its own file; this one only wires them and turns
// expected faults (AppError) into a one-line message and exit status 2.
import { Command } from 'commander';
import { AppError } from '../domain/app-error.ts';
import { importOrdersCommand } from './orders-command.ts';
import { listReturnsCommand } from './returns-command.ts';
import { REPLAYABLE, trySampleCommand } from './samples-command.ts';
import { parseCommand } from './parse-command.ts';
import { runOnceCommand } from './run-command.ts';
import { setupCommand, type SetupOptions } from './setup-command.ts';
import { startCommand } from './start-command.ts';
import { addUserCommand, disableUserCommand, listUsersCommand } from './users-command.ts';
import { webCommand } from './web-command.ts';
import { previewTemplateCommand } from './templates-command.ts';

const program = new Command('intake').description('Returns Intake: turns e-mailed return applications into processed returns.');

program
  .command('setup')
  .description("the first step: write the shop's own return addresses into the policy file (asked for on a terminal, or given as flags)")
  .option('--file <file>', 'the policy file to write (default: POLICY_FILE, else policy.yaml)')
  .option('--preset <name>', 'the shipped return rules to start from: fashion-email or marketplace-international')
  .option('--domestic-recipient <text>', 'who domestic parcels are addressed to, e.g. "ООО «Ваш магазин», склад возвратов"')
  .option('--domestic-line <text>', 'one line of the domestic returns address, top to bottom (repeat the option)', collect, [])
  .option('--international-recipient <text>', 'who parcels from abroad are addressed to')
  .option('--international-line <text>', 'one line of the international returns address (repeat the option)', collect, [])
  .action(async (options: SetupOptions) => exit(await setupCommand(options)));

program
  .command('parse')
  .description('parse .eml, .pdf, .png, .jpg, .heic, .tif files offline and print what was read')
  .argument('<files...>')
  .option('--json', 'one JSON object per input, one per line (SPEC §6)')
  .option('--today <date>', 'judge dates against this day (YYYY-MM-DD) instead of today')
  .option('--orders <file>', "read with the shop's orders at hand (the JSON or CSV `orders import` takes): each value says its source")
  .action(async (files: string[], options: { json?: boolean; today?: string; orders?: string }) => exit(await parseCommand(files, options)));

program
  .command('run')
  .description('process the mailbox')
  .requiredOption('--once', 'drain the mailbox once and exit')
  .action(async () => exit(await runOnceCommand()));

program
  .command('start')
  .description('run the worker and the review UI until stopped')
  .action(async () => exit(await startCommand()));

program
  .command('web')
  .description('run only the review UI and dashboard (workers run elsewhere on the same database)')
  .action(async () => exit(await webCommand()));

const users = program.command('users').description('people who sign in to the review UI');
users
  .command('add')
  .argument('<email>')
  .requiredOption('--role <role>', 'support | manager | admin')
  .option('--name <name>', 'how the desk knows them ("Анна Петрова"): the timeline shows it instead of the e-mail')
  .description('add a user or reset their password (from INTAKE_PASSWORD, stdin, or typed twice)')
  .action(async (email: string, options: { role: string; name?: string }) => exit(await addUserCommand(email, options)));
users.command('list').action(async () => exit(await listUsersCommand()));
users
  .command('disable')
  .argument('<email>')
  .action(async (email: string) => exit(await disableUserCommand(email)));

const orders = program.command('orders').description('orders the applications are checked against');
orders
  .command('import')
  .argument('<file>', 'CSV or JSON export (see docs/orders-import.md)')
  .action(async (file: string) => exit(await importOrdersCommand(file)));

program
  .command('returns')
  .description('the stored returns')
  .command('list')
  .description('every stored return, oldest first; --json prints one JSON array (README, "Stable interfaces")')
  .option('--json', 'one JSON array: returnNumber, state, messageId, application, decision, refund, trackingNumber')
  .action(async (options: { json?: boolean }) => exit(await listReturnsCommand(options)));

program
  .command('samples')
  .description('try the service on a sample')
  .command('try')
  .description('import the sample orders and drop a sample application into the Maildir, every date moved so it happens today')
  .argument('[name]', REPLAYABLE.join(', '), REPLAYABLE[0])
  .action(async (name: string) => exit(await trySampleCommand(name)));

const templates = program.command('templates').description('reply templates (templates/replies)');
templates
  .command('preview')
  .description('render one reply with example data and the configured policy')
  .argument('<name>', 'approved, rejected, needs_review, application_missing, photo_unreadable, message_too_large, shipping_reminder, expired, parcel_received, refund_issued, shipment_received, returned_to_customer')
  .option('--lang <lang>', 'ru or en', 'ru')
  .option('--variant <variant>', 'domestic or international shipping instructions', 'domestic')
  .option('--html <file>', 'also write the HTML part to this file')
  .action(async (name: string, options: { lang?: string; variant?: string; html?: string }) => exit(await previewTemplateCommand(name, options)));

/** A repeatable option's values in the order given. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function exit(code: number): void {
  process.exitCode = code;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    process.stderr.write(`intake: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
