import type { CallName } from '../../shared/contract';

/**
 * The few inputs the fuzz rewrites before sending, each because the call would otherwise reach
 * outside the test or end the fuzzing itself. Nothing here makes a call pass: every call is sent.
 * (`attachments.open` needs no rewrite: the fuzz core has no `FileOpener`, as in the browser host,
 * so no file is ever handed to the system; `session.signOut` is followed by a new sign-in.)
 */
export interface Neutralisers {
  /** A loopback port that accepts and drops connections at once: the mailbox test's only server. */
  readonly sinkPort: number;
  /** The fuzz's own accounts (agent, supervisor, administrator): the administrator may not touch them. */
  readonly fuzzAccountIds: readonly number[];
  /** An account the administrator's calls may change instead (the demo's other agent). */
  readonly spareAccountId: number;
}

const hostRule = /^[A-Za-z0-9.:[\]-]+$/;

/** What `mailEndpointSchema` would accept as a host: it is then swapped, the rest is left to be refused. */
const acceptableHost = (host: unknown): host is string =>
  typeof host === 'string' && host.trim().length > 0 && host.trim().length <= 253 && hostRule.test(host.trim());

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `mailboxes.test` connects (DNS, TCP, TLS, IMAP, SMTP) to the hosts it is given or that a saved
 * mailbox has, and `mailboxes.create`/`update` save hosts it may test later: every host that the
 * schema would accept becomes 127.0.0.1 and its port the sink's, so no packet leaves the machine
 * and no other engineer's loopback server is reached.
 */
function toLoopback(endpoint: unknown, sinkPort: number): unknown {
  if (!isRecord(endpoint) || !acceptableHost(endpoint.host)) return endpoint;
  const port = endpoint.port;
  const validPort = typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
  return { ...endpoint, host: '127.0.0.1', port: validPort ? sinkPort : port };
}

/** The same object with the named keys rewritten, and only those it has (strict schemas count keys). */
function rewriteKeys(value: unknown, keys: readonly string[], rewrite: (part: unknown) => unknown): unknown {
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const key of keys) if (Object.hasOwn(value, key)) copy[key] = rewrite(value[key]);
  return copy;
}

function mailboxOnLoopback(input: unknown, sinkPort: number): unknown {
  const endpoints = (settings: unknown) => rewriteKeys(settings, ['imap', 'smtp'], (endpoint) => toLoopback(endpoint, sinkPort));
  return rewriteKeys(endpoints(input), ['settings'], endpoints);
}

/**
 * `admin.updateAgent` and `admin.setAgentPassword` on the fuzz's own accounts would change the
 * role, the active flag or the password the fuzz signs in with: they change the spare account.
 */
function spareFuzzAccounts(input: unknown, { fuzzAccountIds, spareAccountId }: Neutralisers): unknown {
  if (!isRecord(input) || !fuzzAccountIds.includes(input.id as number)) return input;
  return { ...input, id: spareAccountId };
}

export function neutralise(name: CallName, input: unknown, neutralisers: Neutralisers): unknown {
  switch (name) {
    case 'mailboxes.create':
    case 'mailboxes.update':
    case 'mailboxes.test':
      return mailboxOnLoopback(input, neutralisers.sinkPort);
    case 'admin.updateAgent':
    case 'admin.setAgentPassword':
      return spareFuzzAccounts(input, neutralisers);
    default:
      return input;
  }
}
