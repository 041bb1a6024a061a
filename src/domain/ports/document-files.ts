// The original bytes of a stored document, for the review UI to show the scan beside the parsed fields.
// (The Store port returns documents without their content, so listing a return stays cheap.)
export interface DocumentFile {
  id: string;
  name: string;
  mimeType: string;
  content: Buffer;
}

export interface DocumentFiles {
  /** null when no document has this id. */
  getDocumentFile(id: string): Promise<DocumentFile | null>;
}
