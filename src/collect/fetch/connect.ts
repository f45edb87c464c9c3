/**
 * Name resolution and the pinned connection. We resolve the name ourselves, vet every
 * address, and hand undici a connector that dials exactly the vetted addresses, so
 * the address checked is the address connected (no DNS rebinding window, F-4). TLS
 * still verifies the certificate against the *name* (SNI + servername).
 */
import { lookup } from 'node:dns/promises';
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { buildConnector } from 'undici';
import { assertAddressAllowed, isIpLiteral, unbracket } from './address.js';
import type { AddressPolicy } from './address.js';
import { FetchError } from './errors.js';

/** Resolves a host name to IP address strings. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** The default resolver: the system's `getaddrinfo`, every address. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

const PERMANENT_DNS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA']);

/**
 * The addresses to dial for `host`: the literal itself, or every resolved address.
 * Throws FETCH_DNS_FAILED when resolution fails or yields nothing usable, and
 * FETCH_BLOCKED_ADDRESS when *any* answer is not allowed (a mixed answer is a warning
 * sign, not something to pick through).
 */
export async function resolveVetted(
  host: string,
  port: number,
  policy: AddressPolicy,
  resolver: Resolver,
): Promise<string[]> {
  if (isIpLiteral(host)) {
    const address = unbracket(host);
    assertAddressAllowed(address, port, host, policy);
    return [address];
  }
  let answers: string[];
  try {
    answers = await resolver(host);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const permanent = typeof code === 'string' && PERMANENT_DNS_CODES.has(code);
    const why = typeof code === 'string' ? code : error instanceof Error ? error.message : 'lookup failed';
    throw new FetchError('FETCH_DNS_FAILED', `DNS lookup for ${host} failed (${why})`, {
      retryable: !permanent,
      cause: error,
    });
  }
  if (answers.length === 0) {
    throw new FetchError('FETCH_DNS_FAILED', `DNS lookup for ${host} returned no addresses`);
  }
  for (const answer of answers) assertAddressAllowed(answer, port, host, policy);
  return answers.map(unbracket);
}

/** Codes that mean the network, not the TLS layer, failed. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
]);

/** Classifies a socket error raised while connecting (TCP or TLS handshake). */
export function connectError(error: unknown, target: string, tls: boolean): FetchError {
  const code = String((error as { code?: unknown }).code ?? '');
  const text = error instanceof Error ? error.message : String(error);
  if (tls && !NETWORK_CODES.has(code)) {
    return new FetchError('FETCH_TLS_ERROR', `TLS with ${target} failed (${code || text}): its certificate could not be verified, and unverified TLS is never used`, {
      cause: error,
    });
  }
  return new FetchError('FETCH_CONNECT_FAILED', `Could not connect to ${target} (${code || text})`, {
    retryable: true,
    cause: error,
  });
}

/** What the pinned connector needs to know. */
export interface PinnedTarget {
  hostname: string;
  port: number;
  tls: boolean;
  addresses: readonly string[];
  connectTimeoutMs: number;
  ca?: string | Buffer | Array<string | Buffer>;
  onConnect?: (address: string, port: number) => void;
  /** Every socket made, so the caller can watch it after undici is done with it. */
  onSocket?: (socket: Socket) => void;
}

/**
 * An undici connector that ignores the hostname undici passes and dials the vetted
 * addresses in order, under one connect deadline (TCP + TLS handshake).
 */
export function pinnedConnector(target: PinnedTarget): buildConnector.connector {
  return (_options, callback) => {
    const started = Date.now();
    const display = `${target.hostname}:${target.port}`;
    let lastError: FetchError | undefined;
    const tryAddress = (index: number): void => {
      const address = target.addresses[index];
      const remaining = target.connectTimeoutMs - (Date.now() - started);
      if (address === undefined || remaining <= 0) {
        callback(
          lastError ??
            new FetchError('FETCH_TIMEOUT', `Connecting to ${display} took longer than ${target.connectTimeoutMs} ms`, {
              retryable: true,
              detail: { phase: 'connect' },
            }),
          null,
        );
        return;
      }
      try {
        target.onConnect?.(address, target.port);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        callback(new FetchError('FETCH_BLOCKED_ADDRESS', `Connection to ${address}:${target.port} vetoed (${why})`, { cause: error }), null);
        return;
      }
      const socket = target.tls
        ? tlsConnect({
            host: address,
            port: target.port,
            // SNI must be a name, not an IP; verification then uses the IP itself.
            ...(isIpLiteral(target.hostname) ? {} : { servername: target.hostname }),
            ...(target.ca === undefined ? {} : { ca: target.ca }),
            ALPNProtocols: ['http/1.1'],
            rejectUnauthorized: true,
          })
        : netConnect({ host: address, port: target.port });
      target.onSocket?.(socket);
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        socket.destroy();
        lastError = new FetchError('FETCH_TIMEOUT', `Connecting to ${display} took longer than ${target.connectTimeoutMs} ms`, {
          retryable: true,
          detail: { phase: 'connect' },
        });
        callback(lastError, null);
      }, remaining);
      socket.once(target.tls ? 'secureConnect' : 'connect', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.removeListener('error', onError);
        socket.setNoDelay(true);
        callback(null, socket);
      });
      const onError = (error: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        lastError = connectError(error, display, target.tls);
        // A certificate problem is the same on every address; only retry network failures.
        if (lastError.code === 'FETCH_TLS_ERROR') callback(lastError, null);
        else tryAddress(index + 1);
      };
      socket.on('error', onError);
    };
    tryAddress(0);
  };
}
