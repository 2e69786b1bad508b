import Quill from 'quill';
import { imageUrl } from './inline-images';

interface ImageBlotClass {
  new (...args: never[]): { domNode: HTMLElement };
  create(value: unknown): HTMLElement;
  value(node: HTMLElement): unknown;
  sanitize(url: string): string;
}

const Image = Quill.import('formats/image') as ImageBlotClass;

/**
 * Quill's image, holding a `cid:` reference rather than a URL: the editor shows the picture from
 * its `data:` URL, its semantic HTML (what the reply stores and sends) keeps `cid:`. Quill's own
 * image would turn `cid:` into `//:0` and put megabytes of base64 in every keystroke's HTML.
 */
class InlineImage extends Image {
  static override create(value: unknown): HTMLElement {
    const source = typeof value === 'string' ? value : '';
    if (!source.startsWith('cid:')) return super.create(value);
    const node = super.create('') as HTMLImageElement;
    const contentId = source.slice(4);
    node.dataset.cid = contentId;
    node.setAttribute('src', imageUrl(contentId) ?? '');
    return node;
  }

  static override value(node: HTMLElement): unknown {
    return node.dataset.cid ? `cid:${node.dataset.cid}` : super.value(node);
  }

  /** What `getSemanticHTML` writes for this image (it asks the blot before reading the DOM). */
  html(): string {
    const { cid } = this.domNode.dataset;
    const alt = this.domNode.getAttribute('alt');
    const source = cid ? `cid:${cid}` : (this.domNode.getAttribute('src') ?? '');
    return `<img src="${source.replace(/"/g, '&quot;')}"${alt ? ` alt="${alt.replace(/"/g, '&quot;')}"` : ''}>`;
  }
}

let registered = false;

/** Once per page: formats are global to Quill. */
export function registerInlineImage(): void {
  if (registered) return;
  Quill.register('formats/image', InlineImage as never, true);
  registered = true;
}

/** The images the editor accepts (what `html-sanitizer.ts` lets through as inline parts). */
export const inlineImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
