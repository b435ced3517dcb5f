// The one gateway to @peculiar/x509 in Custos. Its ASN.1 schema decorators
// need reflect-metadata loaded first, and ES modules evaluate imports in
// order, so that import must stay above the library's.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';

export * as x509 from '@peculiar/x509';

/**
 * node:crypto's WebCrypto, passed to the library explicitly on every call
 * instead of being set as its global default, so loading this module changes
 * nothing for other users of the library.
 */
export const webCrypto = webcrypto as unknown as Crypto;
