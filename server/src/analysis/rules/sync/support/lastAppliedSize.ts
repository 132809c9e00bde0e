// Estimates the size kubectl's last-applied-configuration annotation gives an object (client-side apply).
import type { KubeObject } from '../../../kube/kubeObject';

/** The Kubernetes limit on the total size of an object's annotations (keys and values), in bytes. */
export const ANNOTATIONS_SIZE_LIMIT = 262_144;

/** The annotation client-side apply writes: the whole object as JSON. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * A lower bound of the annotations' total size after a client-side apply: the object's compact JSON
 * (the value of last-applied-configuration) plus its key and the other annotations. Go's encoder
 * writes at least as many bytes as `JSON.stringify` (it also escapes `<`, `>`, `&`), so an estimate
 * over the limit is certainly over it.
 */
export function estimatedAnnotationsSize(object: KubeObject): number {
  let size = utf8Length(JSON.stringify(object.body)) + LAST_APPLIED_ANNOTATION.length;
  for (const [key, value] of Object.entries(object.annotations)) {
    if (key !== LAST_APPLIED_ANNOTATION) size += utf8Length(key) + utf8Length(value);
  }
  return size;
}

/** Bytes of a string in UTF-8 (no TextEncoder needed: the core stays free of host APIs). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && position + 1 < text.length) {
      bytes += 4;
      position++;
    } else bytes += 3;
  }
  return bytes;
}
