import type { DOMPurify } from 'dompurify';

/** Fetched over the network when the frame renders: `https://…`, `http://…`, or `//…` (the page's scheme). */
export const isRemoteUrl = (url: string) => /^\s*(?:https?:)?\/\//i.test(url);

/**
 * What stands in for a blocked image: a grey frame the size the mail gave it, drawn locally (a
 * `data:` image is in the frame's CSP, and an SVG shown as an image runs nothing).
 */
export const blockedImagePlaceholder =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24" fill="#e4e7eb"/></svg>',
  );

/**
 * Swaps the remote images of a mail for the placeholder, unless the agent allowed them for this
 * message, and counts them so the screen offers "Afficher les images" only when there are some.
 * Only `img src` can still be remote here: `srcset`, `background` and styles' `url()` are removed
 * by the sanitiser (the core already drops them; the frame does not rely on that).
 */
export function blockRemoteImages(purify: DOMPurify, allowRemote: boolean): { count(): number } {
  let remote = 0;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName.toUpperCase() !== 'IMG') return;
    const src = node.getAttribute('src') ?? '';
    if (!isRemoteUrl(src)) return;
    remote++;
    if (allowRemote) return;
    node.setAttribute('src', blockedImagePlaceholder);
  });
  return { count: () => remote };
}
