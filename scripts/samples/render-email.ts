// Renders one row of EMAIL_SAMPLES to .eml bytes, with ground truth merged from its attached documents'
// ground truth and any application typed into the body.
import type { ProblemCode } from '../../src/domain/problem.ts';
import { applicationAsText } from './application-as-text.ts';
import { composeEmail } from './compose-email.ts';
import type { ComposedEmail } from './email-samples.ts';
import { SHOP_ADDRESS } from './email-samples.ts';
import type { Expected } from './expected-schema.ts';
import type { RenderedDocument } from './render-document.ts';
import { groundTruth } from './render-document.ts';
import { printApplication } from './sample-application.ts';
import { findApplication } from './sample-applications.ts';

export async function renderEmail(sample: ComposedEmail, documents: ReadonlyMap<string, RenderedDocument>): Promise<{ bytes: Buffer; expected: Expected }> {
  const attached = (sample.attachments ?? []).map((a) => {
    const doc = documents.get(a.document);
    if (!doc) throw new Error(`${sample.name}: no document sample ${a.document}`);
    return { ...a, doc };
  });
  const body = sample.bodyApplication && findApplication(sample.bodyApplication);
  const typed = body ? sample.text + applicationAsText(printApplication(body.application, body.style)) + (sample.signature ?? '') : sample.text;
  const text = sample.charset === 'windows-1251' ? typed.replaceAll('₽', 'руб.') : typed;

  const fields: Expected['fields'] = {};
  const items: Expected['items'] = [];
  const problems = new Set<ProblemCode>(sample.problems ?? []);
  const sources = [...attached.map((a) => a.doc.expected), ...(body ? [{ ...groundTruth(body.application, []) }] : [])];
  for (const source of sources) {
    Object.assign(fields, source.fields);
    items.push(...source.items);
    source.problems.forEach((p) => problems.add(p));
  }

  const bytes = await composeEmail({
    from: sample.from,
    to: sample.to ?? SHOP_ADDRESS,
    subject: sample.subject,
    date: new Date(sample.expect.asOf),
    messageId: sample.messageId,
    inReplyTo: sample.inReplyTo,
    references: sample.inReplyTo ? [sample.inReplyTo] : undefined,
    headers: sample.headers,
    text,
    charset: sample.charset ?? 'utf-8',
    attachments: attached.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.doc.bytes })),
    boundarySeed: sample.name,
  });
  return { bytes, expected: { description: sample.description, fields, items, problems: [...problems], expect: sample.expect } };
}
