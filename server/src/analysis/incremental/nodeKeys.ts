// Serial numbers standing for object identity, for keys that must name which kept objects a result was made from.

/** Serials of objects met so far (kept objects keep theirs, so equal serials mean the same object). */
const serials = new WeakMap<object, number>();
let nextSerial = 1;

/** A number standing for an object's identity (0 for none): equal serials, the same object. */
export function serialOf(value: object | undefined): number {
  if (value === undefined) return 0;
  let serial = serials.get(value);
  if (serial === undefined) serials.set(value, (serial = nextSerial++));
  return serial;
}
