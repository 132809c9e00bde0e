// Human-readable byte sizes for skip messages ("3.1 MB > 2 MB cap").

const KIB = 1024;
const MIB = 1024 * 1024;

/** Formats a byte count with binary units written as `KB`/`MB`, one decimal at most. */
export function formatByteSize(bytes: number): string {
  if (bytes < KIB) return `${bytes} bytes`;
  if (bytes < MIB) return `${oneDecimal(bytes / KIB)} KB`;
  return `${oneDecimal(bytes / MIB)} MB`;
}

/** `"<size> > <cap> cap"`, falling back to exact byte counts when rounding would make both look equal. */
export function describeOversize(bytes: number, cap: number): string {
  const size = formatByteSize(bytes);
  const limit = formatByteSize(cap);
  return size === limit ? `${bytes} bytes > ${cap} bytes cap` : `${size} > ${limit} cap`;
}

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}
