import type { GeneralNameView } from '../general-names';
import { onelineName, slashName } from '../name-text';
import { oidText } from '../oid-names';
import { encodeText } from '../strings';
import { cString, hexBytes, opensslIp } from './text';

// General names the two ways OpenSSL 3.0 prints them: as name/value pairs (i2v_GENERAL_NAME, for SAN, IAN,
// AKI and AIA) and as one string (GENERAL_NAME_print, for CRL points and name constraints).

export interface ConfValue {
  name: string | null;
  value: string | null;
}

const specialOtherNames: Record<string, { label: string; tag: number }> = {
  '1.3.6.1.5.5.7.8.9': { label: 'SmtpUTF8Mailbox', tag: 12 },
  '1.3.6.1.5.5.7.8.5': { label: 'XmppAddr', tag: 12 },
  '1.3.6.1.5.5.7.8.7': { label: 'SRVName', tag: 22 },
  '1.3.6.1.4.1.311.20.2.3': { label: 'UPN', tag: 12 },
  '1.3.6.1.5.5.7.8.8': { label: 'NAIRealm', tag: 12 },
};

/** x509v3_add_len_value: a value with a NUL before its last octet makes the whole extension unprintable. */
function lenValue(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1 && nul < bytes.length - 1) return null;
  return cString(bytes);
}

const ia5 = (text: string) => encodeText({ tag: 22, text });

/** i2v_GENERAL_NAME; null when OpenSSL gives up on the name (and so on the extension). */
export function generalNameValue(name: GeneralNameView): ConfValue | null {
  const pair = (label: string, value: string | null) => (value === null ? null : { name: label, value });
  switch (name.type) {
    case 'email':
      return pair('email', lenValue(ia5(name.value)));
    case 'dns':
      return pair('DNS', lenValue(ia5(name.value)));
    case 'uri':
      return pair('URI', lenValue(ia5(name.value)));
    case 'ip':
      return pair('IP Address', opensslIp(hexBytes(name.hex)));
    case 'directoryName':
      return pair('DirName', slashName(name.name.attributes));
    case 'registeredId':
      return pair('Registered ID', oidText(name.oid));
    case 'x400Address':
      return pair('X400Name', '<unsupported>');
    case 'ediPartyName':
      return pair('EdiPartyName', '<unsupported>');
    case 'otherName': {
      const special = specialOtherNames[name.typeId];
      const { tag, text } = name.value;
      if (special) {
        if (tag !== special.tag || text === null) return null;
        return pair(`othername: ${special.label}:`, lenValue(encodeText({ tag, text })));
      }
      const label = `othername: ${oidText(name.typeId)}:`;
      if ((tag === 22 || tag === 12) && text !== null)
        return pair(label, lenValue(encodeText({ tag, text })));
      return pair(label, '<unsupported>');
    }
  }
}

/** GENERAL_NAME_print. */
export function generalNamePrint(name: GeneralNameView): string {
  switch (name.type) {
    case 'email':
      return `email:${cString(ia5(name.value))}`;
    case 'dns':
      return `DNS:${cString(ia5(name.value))}`;
    case 'uri':
      return `URI:${cString(ia5(name.value))}`;
    case 'ip':
      return `IP Address:${opensslIp(hexBytes(name.hex))}`;
    case 'directoryName':
      return `DirName:${onelineName(name.name.attributes, true)}`;
    case 'registeredId':
      return `Registered ID:${oidText(name.oid)}`;
    case 'x400Address':
      return 'X400Name:<unsupported>';
    case 'ediPartyName':
      return 'EdiPartyName:<unsupported>';
    case 'otherName': {
      const special = specialOtherNames[name.typeId];
      const { tag, text } = name.value;
      const expected = name.typeId === '1.3.6.1.5.5.7.8.7' ? 22 : 12;
      if (!special || tag !== expected || text === null) return 'othername:<unsupported>';
      return `othername:${special.label}:${cString(encodeText({ tag, text }))}`;
    }
  }
}
