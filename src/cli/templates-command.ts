// `intake templates preview NAME [--lang ru|en] [--variant domestic|international] [--html FILE]`: render one
// reply with example data and the configured policy's numbers.
import { writeFile } from 'node:fs/promises';
import { loadPolicy } from '../adapters/policy/load-policy.ts';
import { loadReplyTemplates } from '../adapters/templates/load-reply-templates.ts';
import { loadConfig } from '../config.ts';
import { AppError } from '../domain/app-error.ts';
import type { Language, ReplyTemplate } from '../domain/reply.ts';
import { TEMPLATES_DIR } from '../main.ts';
import { previewReplyData } from '../pipeline/reply/preview-reply-data.ts';
import { renderReply } from '../pipeline/reply/render-reply.ts';

export async function previewTemplateCommand(
  name: string,
  options: { lang?: string; variant?: string; html?: string },
): Promise<number> {
  const config = loadConfig();
  const data = previewReplyData(loadPolicy(config.policyFile), config.shopName, options.variant === 'international' ? 'international' : 'domestic');
  if (!(name in data)) throw new AppError('validation_failed', `no template "${name}"; templates: ${Object.keys(data).join(', ')}`);
  const template = name as ReplyTemplate;
  const language: Language = options.lang === 'en' ? 'en' : 'ru';
  const reply = renderReply(loadReplyTemplates(TEMPLATES_DIR), {
    template,
    language,
    to: 'customer@example.com',
    from: config.mailFrom,
    inReplyTo: '<customer-message@example.com>',
    references: [],
    originalSubject: language === 'ru' ? 'Возврат заказа 4821-5567' : 'Return of order 4821-5567',
    returnNumber: 'R-7K3M-9QX4',
    data: data[template],
  });
  process.stdout.write(`Subject: ${reply.subject}\n`);
  if (reply.attachments.length > 0) process.stdout.write(`Attachments: ${reply.attachments.map((a) => a.filename).join(', ')}\n`);
  process.stdout.write(`\n${reply.text}`);
  if (options.html) {
    await writeFile(options.html, reply.html);
    process.stderr.write(`HTML written to ${options.html}\n`);
  }
  return 0;
}
