/**
 * Sites are enabled per scheme and host: host permissions (match patterns) don't distinguish
 * ports, so neither do we. `http://10.1.2.3:8080` → `http://10.1.2.3`.
 */
export function siteKey(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}`;
}

/** The match pattern that grants (and registers scripts on) a site. */
export function sitePattern(origin: string): string {
  return `${siteKey(origin)}/*`;
}
