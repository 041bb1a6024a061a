// What every normaliser returns: the canonical value plus the evidence the confidence score needs.
export interface Normalized {
  /** Canonical value (SPEC §3). */
  value: string;
  /** How many characters or tokens had to be corrected (OCR misreads); each one lowers confidence. */
  fixes: number;
  /** The raw text already had the field's strict, expected shape (before any fix). */
  strict: boolean;
  /** Set when the value could have been read two ways and we picked one; the caller keeps confidence low. */
  ambiguous?: boolean;
}
