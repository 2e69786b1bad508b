import { describe, expect, it } from 'vitest';
import { callDef, exceedsFrameLimit, maxFrameBytes, type WsRequest } from '../../shared/contract';
import { importMaxChars } from '../../shared/domain/address-book-view';
import { uploadChunkBytes } from '../../shared/domain/attachment';
import { maxReplyHtml } from '../../shared/domain/reply';

/** The limit must take the largest legitimate call of each kind, as the screens send it. */
const frame = (call: string, input: unknown) => JSON.stringify({ id: Number.MAX_SAFE_INTEGER, call, input } satisfies WsRequest);

describe('the frame limit', () => {
  it('takes the largest piece of a file', () => {
    const input = { uploadId: 'f'.repeat(32), index: 49, dataBase64: Buffer.alloc(uploadChunkBytes, 0xff).toString('base64') };
    expect(callDef('attachments.uploadChunk').input.safeParse(input).success).toBe(true);
    expect(exceedsFrameLimit(frame('attachments.uploadChunk', input))).toBe(false);
  });

  it('takes the largest address-book import of a French CSV (quoted fields, accents, line breaks)', () => {
    const row = '"Mme";"Élodie";"Lefèvre-Hébert";"elodie.lefevre@exemple.fr";"0612345678";"12, rue de l’Église"\r\n';
    const content = row.repeat(Math.floor(importMaxChars / row.length));
    const input = { format: 'csv', fileName: 'carnet.csv', content };
    expect(callDef('addressBook.importFile').input.safeParse(input).success).toBe(true);
    expect(exceedsFrameLimit(frame('addressBook.importFile', input))).toBe(false);
  });

  it('takes the longest reply, written in French', () => {
    const paragraph = '<p class="x">Nous avons bien reçu votre réclamation, à laquelle nous répondons dès que possible.</p>';
    const html = paragraph.repeat(Math.floor(maxReplyHtml / paragraph.length));
    const input = { caseId: 1, reply: { html } };
    expect(callDef('replies.preview').input.safeParse(input).success).toBe(true);
    expect(exceedsFrameLimit(frame('replies.preview', input))).toBe(false);
  });

  it('counts UTF-8 bytes, as the WebSocket does', () => {
    expect(exceedsFrameLimit('a'.repeat(maxFrameBytes))).toBe(false);
    expect(exceedsFrameLimit('a'.repeat(maxFrameBytes + 1))).toBe(true);
    expect(exceedsFrameLimit('é'.repeat(maxFrameBytes / 2))).toBe(false);
    expect(exceedsFrameLimit('é'.repeat(maxFrameBytes / 2 + 1))).toBe(true);
    expect(exceedsFrameLimit('€'.repeat(Math.floor(maxFrameBytes / 3) + 1))).toBe(true);
  });
});
