// Documents → one parsed application for the message: every document parsed by the same label parser,
// then merged field by field. Shared by the worker and `intake parse`, so both read alike.
import type { ParsedApplication } from '../../domain/application.ts';
import type { ExtractedDocument } from '../../domain/document.ts';
import { problem } from '../../domain/problem.ts';
import { markDocumentSources } from '../../domain/value-provenance.ts';
import { mergeApplications } from '../parse/merge-applications.ts';
import { parseDocument } from '../parse/parse-document.ts';

export interface ReadApplicationResult {
  application: ParsedApplication;
  isApplication: boolean;
}

export function readApplication(source: string, documents: ExtractedDocument[], today: string): ReadApplicationResult {
  const parts = documents.map((doc) => ({ name: doc.name, sha256: doc.sha256, result: parseDocument(doc, { today }) }));
  // Each value's source is `document` from here on, the document's name beside it (value-provenance.ts).
  const application = markDocumentSources(mergeApplications(source, parts));
  for (const doc of documents) {
    for (const found of doc.problems) {
      if (!application.problems.some((p) => p.code === found.code && p.field === found.field)) application.problems.push(found);
    }
  }
  const isApplication = parts.some((part) => part.result.isApplication);
  // A document that was read but holds no application says so (SPEC §6); one that could not be read says
  // why in its own problems instead. A message with no attachment says it of its body.
  const readable = documents.filter((doc) => doc.name !== 'body' && doc.pages.length > 0 && !doc.problems.some((p) => p.code === 'no_text'));
  if (!isApplication) {
    for (const doc of readable) application.problems.push(problem(doc.name, 'not_an_application', `${doc.name} holds no return application`));
    if (documents.every((doc) => doc.name === 'body')) application.problems.push(problem('body', 'not_an_application', 'the message holds no return application'));
  }
  return { application, isApplication };
}
