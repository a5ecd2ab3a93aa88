// The last few kilobytes of what student code printed. Kept for people to
// read (e.g. in a report); never used to decide a result.

export class OutputTail {
  private chunks: string[] = [];
  private length = 0;

  constructor(private readonly limit = 4096) {}

  /** Adds printed text, dropping the oldest beyond the limit. */
  push(text: string): void {
    this.chunks.push(text);
    this.length += text.length;
    while (this.length - this.chunks[0].length >= this.limit) {
      this.length -= this.chunks[0].length;
      this.chunks.shift();
    }
  }

  /** At most `limit` characters: the most recent output. */
  text(): string {
    const all = this.chunks.join('');
    return all.length > this.limit ? all.slice(all.length - this.limit) : all;
  }
}
