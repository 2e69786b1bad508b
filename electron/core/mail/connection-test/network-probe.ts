import { lookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import { networkReason } from '../outbox/network-reasons';
import { passed, StepFailure, type StepOutcome } from './step-runner';

/** DNS: the addresses of the host, or why it has none. */
export async function resolveHost(host: string): Promise<{ outcome: StepOutcome; addresses: string[] }> {
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(literal)) {
    return { outcome: passed(`${literal} est une adresse IP : aucune résolution nécessaire.`), addresses: [literal] };
  }
  try {
    const addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    if (addresses.length === 0) throw new StepFailure(`Le nom « ${host} » ne correspond à aucune adresse.`);
    return { outcome: passed(`« ${host} » correspond à ${addresses.join(', ')}.`), addresses };
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND') throw new StepFailure(`Le nom « ${host} » est introuvable (DNS) : vérifiez l’orthographe du serveur.`);
    throw new StepFailure(`Résolution de « ${host} » impossible : ${networkReason(error) ?? String(error)}.`);
  }
}

/** Opens a plain TCP connection, for the TCP step itself or as the start of STARTTLS. */
export function openSocket(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (error: unknown) => {
      socket.destroy();
      reject(new StepFailure(`Connexion à ${host}:${port} impossible : ${networkReason(error) ?? String(error)}.`));
    };
    socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeListener('error', fail);
      resolve(socket);
    });
  });
}

/** The first address that answers wins, as mail clients do (an IPv6 address may be unreachable). */
export async function tcpProbe(addresses: readonly string[], port: number, timeoutMs: number): Promise<StepOutcome> {
  let failure: unknown = new StepFailure('Aucune adresse à essayer.');
  for (const address of addresses) {
    try {
      (await openSocket(address, port, timeoutMs)).destroy();
      return passed(`Connexion établie avec ${address}:${port}.`);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}
