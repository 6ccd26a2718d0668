import type { GeneralNameView } from '@/lib/pki';

// Written here rather than imported from lib/pki/general-names, which would pull the ASN.1 stack into the
// first load of every page that shows a name.

/** A GeneralName as a labelled value: ["DNS", "example.com"], ["Directory name", "CN = x"]. */
export function generalNameParts(name: GeneralNameView): [label: string, value: string] {
  switch (name.type) {
    case 'dns':
      return ['DNS', name.value];
    case 'ip':
      return ['IP address', name.value];
    case 'email':
      return ['Email', name.value];
    case 'uri':
      return ['URI', name.value];
    case 'directoryName':
      return ['Directory name', name.name.text];
    case 'registeredId':
      return ['Registered ID', name.oid];
    case 'x400Address':
      return ['X.400 address', name.hex];
    case 'ediPartyName':
      return [
        'EDI party',
        name.nameAssigner
          ? `${name.partyName.text} (assigned by ${name.nameAssigner.text})`
          : name.partyName.text,
      ];
    case 'otherName':
      return [`Other name ${name.typeId}`, name.value.text ?? name.value.hex];
  }
}
