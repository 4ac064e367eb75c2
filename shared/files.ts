/**
 * A file name made from a title: only letters, digits, spaces and . _ - survive (a name with
 * slashes or a colon would fail, or land elsewhere, on Windows), at most 80 characters.
 */
export function safeFileName(title: string, extension: string): string {
  const base =
    title
      .replace(/[^A-Za-z0-9 ._-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'export';
  return `${base}.${extension}`;
}
