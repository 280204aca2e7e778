/** @module The bytes a document and every file it refers to may take together (--max-spec-bytes), and the message when a read would pass them. */

export class ReadBudget {
  private spent = 0;

  /** @param totalBytes bytes all reads of one document may take together. */
  constructor(readonly totalBytes: number) {}

  /** Bytes the next read may take. */
  get remaining(): number {
    return Math.max(0, this.totalBytes - this.spent);
  }

  spend(bytes: number): void {
    this.spent += bytes;
  }

  /** Why a read was stopped: larger than the limit, or past what is left of it. */
  tooLarge(): string {
    return this.spent === 0
      ? `it is larger than ${this.totalBytes} bytes (--max-spec-bytes), so it is not read`
      : `it would take the document and the files it refers to past ${this.totalBytes} bytes in all (--max-spec-bytes), so it is not read`;
  }

  readonly hint = 'Raise --max-spec-bytes (OPENAPI_MCP_MAX_SPEC_BYTES) if the document really is that large.';
}
