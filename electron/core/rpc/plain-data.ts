/**
 * Nesting no answer of the contract comes near (a qualification tree is a handful of levels), and
 * far below what would overflow a transport's recursive JSON.stringify.
 */
const maxDepth = 200;

type Frame = { value: unknown; depth: number } | { leave: object };

/**
 * Whether a handler's answer is data both transports carry unchanged: JSON for the WebSocket,
 * structured clone for IPC. Null, booleans, finite numbers, strings, and arrays and plain objects
 * of them, with no cycle (a value shared by two branches is fine). `undefined` only as a property,
 * where both transports agree it means absent. Iterative, so that depth cannot overflow the stack.
 */
export function isPlainData(root: unknown): boolean {
  const onPath = new Set<object>();
  const stack: Frame[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ('leave' in frame) {
      onPath.delete(frame.leave);
      continue;
    }
    const { value, depth } = frame;
    if (isScalar(value)) continue;
    if (typeof value !== 'object' || value === null || depth >= maxDepth || onPath.has(value)) return false;
    const children = childrenOf(value);
    if (!children) return false;
    onPath.add(value);
    stack.push({ leave: value });
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return true;
}

function isScalar(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && Number.isFinite(value);
}

/** The values inside an array or a plain object; null for anything else (a Map, a class, a Proxy of one). */
function childrenOf(value: object): unknown[] | null {
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return null;
    // A hole or an undefined item would come out as null on one transport and undefined on the other.
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!Object.hasOwn(value, i) || value[i] === undefined) return null;
      items.push(value[i]);
    }
    return items;
  }
  if (proto !== Object.prototype && proto !== null) return null;
  if (Object.getOwnPropertySymbols(value).length > 0) return null;
  const values: unknown[] = [];
  for (const key of Object.keys(value)) {
    // Read once, as the transport would; a getter that throws makes the whole answer unusable.
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) values.push(item);
  }
  return values;
}
