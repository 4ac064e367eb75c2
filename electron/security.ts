// Which outside addresses the app may open in the user's browser (help pages and the like).
// Parsed, https only, exact host match: no 'startsWith' tricks such as https://example.org.evil.test.
export const externalHostAllowList: readonly string[] = ['www.gov.uk', 'www.legislation.gov.uk', 'ico.org.uk'];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && externalHostAllowList.includes(parsed.hostname);
}
