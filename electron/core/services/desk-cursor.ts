import { invalidField } from './access';

/** Position after which the next page starts, in the desks' order (received_at DESC, id DESC). */
export interface DeskCursor {
  receivedAt: string;
  id: number;
}

/** Opaque to the renderer, which only hands it back: base64url of `receivedAt|id`. */
export function encodeDeskCursor(cursor: DeskCursor): string {
  return Buffer.from(`${cursor.receivedAt}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeDeskCursor(token: string): DeskCursor {
  const [receivedAt, id, ...rest] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  const caseId = Number(id);
  if (!receivedAt || rest.length > 0 || !Number.isSafeInteger(caseId) || caseId < 1) {
    throw invalidField('after', 'Position de pagination invalide : rechargez la liste.');
  }
  return { receivedAt, id: caseId };
}
