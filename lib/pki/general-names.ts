import type { GeneralName } from '@peculiar/asn1-x509';
import { toHex } from './bytes';
import { nameView } from './names';

export interface SanView {
  type: 'dns' | 'ip' | 'email' | 'uri' | 'other';
  /** For 'other', prefixed with its kind as OpenSSL prints it, e.g. "DirName:CN = x". */
  value: string;
}

export function sanView(name: GeneralName): SanView {
  if (name.dNSName !== undefined) return { type: 'dns', value: name.dNSName };
  if (name.iPAddress !== undefined) return { type: 'ip', value: name.iPAddress };
  if (name.rfc822Name !== undefined) return { type: 'email', value: name.rfc822Name };
  if (name.uniformResourceIdentifier !== undefined)
    return { type: 'uri', value: name.uniformResourceIdentifier };
  return { type: 'other', value: otherNameText(name) };
}

function otherNameText(name: GeneralName): string {
  if (name.directoryName) return `DirName:${nameView(name.directoryName).text}`;
  if (name.registeredID !== undefined) return `Registered ID:${name.registeredID}`;
  if (name.otherName) return `othername:${name.otherName.typeId}:#${toHex(name.otherName.value)}`;
  if (name.ediPartyName) return `EdiPartyName:${name.ediPartyName.partyName.toString()}`;
  if (name.x400Address) return `X400Name:#${toHex(name.x400Address)}`;
  return 'unsupported name';
}

const sanPrefixes: Record<Exclude<SanView['type'], 'other'>, string> = {
  dns: 'DNS',
  ip: 'IP Address',
  email: 'email',
  uri: 'URI',
};

/** One name as OpenSSL prints it in SAN, AIA and CRL distribution points: "DNS:example.com". */
export function generalNameText(name: GeneralName): string {
  const san = sanView(name);
  return san.type === 'other' ? san.value : `${sanPrefixes[san.type]}:${san.value}`;
}
