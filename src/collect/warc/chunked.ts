const CR = 0x0d;
const LF = 0x0a;
/** Chunk-size lines (with extensions) and trailer lines longer than this are not framing. */
const MAX_LINE = 4096;
/** 16 hex digits would overflow; 12 already means 256 TiB. */
const MAX_SIZE_DIGITS = 12;

type State = 'size' | 'data' | 'data-end' | 'trailer' | 'done' | 'malformed';

/**
 * Undoes chunked transfer coding (RFC 9112 §7.1) as bytes arrive, handing the data on
 * to `emit`. Lenient where recorders and servers are sloppy (bare LF, chunk extensions,
 * a body that stops early, which is how a truncated record looks); anything else makes
 * it `malformed`, after which it emits nothing more.
 */
export class Dechunker {
  private state: State = 'size';
  private line: number[] = [];
  private remaining = 0;

  constructor(private readonly emit: (data: Buffer) => void) {}

  /** The terminating zero-size chunk (and trailers) have been seen. */
  get done(): boolean {
    return this.state === 'done';
  }

  get malformed(): boolean {
    return this.state === 'malformed';
  }

  push(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) {
      switch (this.state) {
        case 'data': {
          const take = Math.min(this.remaining, bytes.length - at);
          this.emit(bytes.subarray(at, at + take));
          at += take;
          this.remaining -= take;
          if (this.remaining === 0) this.state = 'data-end';
          break;
        }
        case 'data-end': {
          const byte = bytes[at++];
          if (byte === LF) this.state = 'size';
          else if (byte !== CR || (at < bytes.length && bytes[at] !== LF)) this.state = 'malformed';
          break;
        }
        case 'size':
        case 'trailer': {
          const lf = bytes.indexOf(LF, at);
          const end = lf >= 0 ? lf : bytes.length;
          for (let i = at; i < end && this.line.length <= MAX_LINE; i++) this.line.push(bytes[i] ?? 0);
          at = lf >= 0 ? lf + 1 : bytes.length;
          if (this.line.length > MAX_LINE) this.state = 'malformed';
          else if (lf >= 0) this.endLine();
          break;
        }
        default:
          return;
      }
    }
  }

  private endLine(): void {
    const text = String.fromCharCode(...this.line).replace(/\r$/, '');
    this.line = [];
    if (this.state === 'trailer') {
      if (text === '') this.state = 'done';
      return;
    }
    const digits = (text.split(';')[0] ?? '').trim();
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length > MAX_SIZE_DIGITS) {
      this.state = 'malformed';
      return;
    }
    this.remaining = parseInt(digits, 16);
    this.state = this.remaining === 0 ? 'trailer' : 'data';
  }
}
