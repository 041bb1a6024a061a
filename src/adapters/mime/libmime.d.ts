// libmime ships no types; this is the part of its API we call.
declare module 'libmime' {
  const libmime: {
    decodeWords(value: string): string;
    encodeWords(value: string, encoding?: 'Q' | 'B', maxLength?: number): string;
    foldLines(value: string, lineLength?: number, afterSpace?: boolean): string;
    /** `attachment; filename*0*=utf-8''…` → its value and its parameters, RFC 2231 continuations joined and decoded. */
    parseHeaderValue(value: string): { value: string; params: Record<string, string> };
    buildHeaderValue(structured: { value: string; params: Record<string, string> }): string;
  };
  export default libmime;
}
