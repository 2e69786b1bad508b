// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentIdFor, rememberImage, withImageUrls } from '../../renderer/src/components/composer/inline-images';
import { contentIdsOf, withInlineParts } from '../../renderer/src/mail-frame/inline-parts';
import { useComposerStore } from '../../renderer/src/stores/composer';

const sha = (digit: string) => digit.repeat(64);
const file = (digit: string, contentId?: string) => ({
  sha256: sha(digit),
  size: 10,
  mediaType: contentId ? 'image/png' : 'application/pdf',
  displayName: contentId ? `${digit}.png` : `${digit}.pdf`,
  ...(contentId ? { contentId } : {}),
});

describe('inline images of a reply', () => {
  it('lists the Content-IDs a body refers to, whatever the quotes', () => {
    expect(contentIdsOf(`<p>a</p><img src="cid:one@ud"><img alt="x" src='cid:two@ud'><img src="data:image/png;base64,AA==">`)).toEqual(
      new Set(['one@ud', 'two@ud']),
    );
  });

  it('shows known parts from their URL and leaves unknown ones as they are', () => {
    const html = '<img src="cid:known@ud"><img src="cid:unknown@ud">';
    expect(withInlineParts(html, (id) => (id === 'known@ud' ? 'data:image/png;base64,AA==' : undefined))).toBe(
      '<img src="data:image/png;base64,AA=="><img src="cid:unknown@ud">',
    );
  });

  it('names one part per content, and the preview shows it from the copy the composer kept', () => {
    const contentId = contentIdFor(sha('a'));
    expect(contentId).toBe(contentIdFor(sha('a')));
    expect(contentId).not.toBe(contentIdFor(sha('b')));
    rememberImage(contentId, 'data:image/png;base64,QQ==');
    expect(withImageUrls(`<p><img src="cid:${contentId}"></p>`)).toBe('<p><img src="data:image/png;base64,QQ=="></p>');
  });
});

describe('the reply the composer sends', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('leaves out the pictures deleted from the text, keeps the files and the pictures still in it', () => {
    const composer = useComposerStore();
    composer.replies[7] = {
      to: { address: 'contact@example.com' },
      cc: [],
      bcc: [],
      html: '<p>Voici le plan :</p><img src="cid:kept@ud">',
      attachments: [file('a'), file('b', 'kept@ud'), file('c', 'deleted@ud')],
      dirty: true,
    };
    expect(composer.replyOf(7).attachments.map((staged) => staged.displayName)).toEqual(['a.pdf', 'b.png']);
  });
});
