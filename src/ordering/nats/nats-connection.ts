import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';

export interface NatsConnectionOptions {
  /** tls://host:port of the cluster's servers; the client fails over between them. */
  servers: string[];
  /** CA that signed the servers' certificates. */
  caFile: string;
  /** This organization's nkey user seed (`SU…`). */
  nkeySeed: string;
  /** Shown in the servers' connection lists. */
  name: string;
}

/**
 * Connects to the ordering service over TLS as one organization's nkey
 * user. Reconnects forever: a node outlives any one NATS server.
 */
export function connectToOrdering(options: NatsConnectionOptions): Promise<NatsConnection> {
  const seed = new TextEncoder().encode(options.nkeySeed.trim());
  return connect({
    servers: options.servers,
    tls: { caFile: options.caFile },
    authenticator: nkeyAuthenticator(seed),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    reconnectJitter: 100,
    pingInterval: 5_000,
    timeout: 5_000,
  });
}
