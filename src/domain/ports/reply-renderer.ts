// Compiled reply templates as the reply stage sees them: no Handlebars, no files, just "render this part".
import type { Language, ReplyAttachment, ReplyTemplate } from '../reply.ts';

export type ReplyTemplatePart = 'subject' | 'text' | 'html';

export interface ReplyTemplates {
  /** Throws when the template uses a value `data` lacks (templates are compiled in strict mode). */
  render(template: ReplyTemplate, language: Language, part: ReplyTemplatePart, data: Record<string, unknown>): string;
  /** Files every reply of this template carries, e.g. the blank application form for `application_missing`. */
  attachmentsFor(template: ReplyTemplate, language: Language): ReplyAttachment[];
}
