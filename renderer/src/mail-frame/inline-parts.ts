/** `src="cid:…"`: an image that is a part of the message itself (RFC 2392). */
const cidSource = /\bsrc\s*=\s*(["'])cid:([^"'\s>]+)\1/gi;

/** The Content-IDs an HTML body refers to. */
export function contentIdsOf(html: string): Set<string> {
  return new Set([...html.matchAll(cidSource)].map((match) => match[2] as string));
}

/**
 * The body with each `cid:` image replaced by the URL `urlOf` knows for it (a `data:` URL: the
 * frame's policy admits `data:` images and nothing fetched); unknown ones stay as they were.
 */
export function withInlineParts(html: string, urlOf: (contentId: string) => string | undefined): string {
  return html.replace(cidSource, (whole, _quote: string, contentId: string) => {
    const url = urlOf(contentId);
    return url ? `src="${url}"` : whole;
  });
}
