/**
 * Where the next page of a GitLab list is, from the answer's headers: the `Link` header's rel="next"
 * (offset and keyset pagination both send it), else `x-next-page` (offset pagination; empty on the last
 * page). Only the query of the link is kept: GitLab builds the link from its external URL, which can
 * differ from the address spravka reaches it by, and following another host would hand it the token.
 *
 * Returns the query parameters for the next request, or undefined on the last page.
 */
export function nextPageQuery(headers: Headers, current: URLSearchParams): URLSearchParams | undefined {
  const link = nextLink(headers.get('link'));
  if (link !== undefined) {
    try {
      return new URL(link, 'http://gitlab.invalid').searchParams;
    } catch {
      // An unparsable link: fall back to x-next-page below.
    }
  }
  const nextPage = headers.get('x-next-page')?.trim();
  if (!nextPage) return undefined;
  const query = new URLSearchParams(current);
  query.set('page', nextPage);
  return query;
}

/** The target of rel="next" in an RFC 8288 Link header, if any. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2] ?? '')) {
      return match[1];
    }
  }
  return undefined;
}
