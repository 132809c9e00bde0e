// Argo CD's name normalisers: `SanitizeName` (`normalize`, `*Normalized` params) and `slugify`.

const MAX_DNS_NAME_LENGTH = 253;

/**
 * Argo CD `SanitizeName`: lowercase, every character outside `[-a-z0-9.]` becomes `-`, cut to
 * 253 characters, then leading/trailing `-` and `.` trimmed.
 */
export function sanitizeName(name: string): string {
  let result = name.toLowerCase().replace(/[^-a-z0-9.]/gu, '-');
  if (result.length > MAX_DNS_NAME_LENGTH) result = result.slice(0, MAX_DNS_NAME_LENGTH);
  return result.replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * Argo CD `slugify` (gosimple/slug after `SanitizeName`): defaults max length 50 and smart
 * truncation (cut at the last `-` before the limit). Non-ASCII letters are already `-` after
 * sanitising, so the transliteration step of gosimple/slug has nothing left to do.
 */
export function slugifyName(name: string, maxLength = 50, smartTruncate = true): string {
  let slug = sanitizeName(name).trim();
  if (!smartTruncate && maxLength > 0 && slug.length >= maxLength) slug = slug.slice(0, maxLength);
  slug = slug.replace(/[^a-zA-Z0-9\-_]/g, '-').replace(/-+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  if (maxLength > 0 && smartTruncate && slug.length > maxLength) {
    const cut = slug.lastIndexOf('-', maxLength);
    slug = cut >= 0 ? slug.slice(0, cut) : slug.slice(0, maxLength);
  }
  return slug;
}
