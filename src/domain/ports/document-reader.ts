// Turns one attachment's bytes into text: PDF text layer, fillable-form values, or OCR of scans and photos.
// Never throws for bad input: corrupt, encrypted, oversized or unreadable files come back with problems.
import type { ExtractedDocument } from '../document.ts';

export interface DocumentReader {
  read(name: string, bytes: Buffer): Promise<ExtractedDocument>;
}
