import type { RawData } from 'ws';
import type { WsRequest } from '../../shared/contract';

/**
 * A frame's request, or null when the frame is not one: not JSON, not an object, no exact integer
 * id, no call name. Never throws, whatever the bytes (a text frame's UTF-8 is checked by `ws`).
 */
export function parseRequest(data: RawData): WsRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(frameText(data));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, call, input } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof call !== 'string') return null;
  return { id, call, input };
}

/** `ws` hands a message over as one Buffer, or as its fragments or an ArrayBuffer by option. */
function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}
