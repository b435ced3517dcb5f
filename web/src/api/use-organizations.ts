import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenesisOrganization } from '@custos/ledger/genesis.ts';
import { nodeApi, type NetworkInfo } from './node-api.ts';

export type { GenesisOrganization };

let network: Promise<NetworkInfo> | null = null;

/** The network document, fetched once per page load (it changes only through governance, from the next block). */
export function loadNetwork(): Promise<NetworkInfo> {
  network ??= nodeApi.network().catch((error: unknown) => {
    network = null;
    throw error;
  });
  return network;
}

/** Genesis organizations and a function naming one in the console's language (the id until loaded or unknown). */
export function useOrganizations(): { organizations: readonly GenesisOrganization[]; name: (id: string) => string } {
  const { i18n } = useTranslation();
  const [organizations, setOrganizations] = useState<readonly GenesisOrganization[]>([]);
  useEffect(() => {
    let current = true;
    loadNetwork().then(
      (info) => current && setOrganizations(info.genesis.organizations ?? []),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  const zh = i18n.language === 'zh-CN';
  const name = (id: string) => {
    const org = organizations.find((o) => o.id === id);
    return org === undefined ? id : zh ? org.name.zh : org.name.en;
  };
  return { organizations, name };
}
