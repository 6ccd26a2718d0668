import { Attributes } from '@peculiar/asn1-csr';
import { Name } from '@peculiar/asn1-x509';
import { toBase64 } from '../bytes';
import { derToPem, readPemOrDer } from '../pem';
import type { PkiInput } from '../types';
import { bytes, extensionsAsSet, flip, nestedDer, oidArc, patched, reencode, tlv } from './der-builders';

// The structural corpus of SECURITY.md rows 16 and 24: each input, and the reason it must end with — a
// refusal whose message matches, or a decoded request with a blocking finding.

export interface MalformedCase {
  name: string;
  input: PkiInput;
  expect: { refused: RegExp } | { finding: string };
}

export function malformedCases(csrPem: string, certificatePem: string): MalformedCase[] {
  const csr = readPemOrDer(csrPem);
  const certificate = readPemOrDer(certificatePem);
  if (!csr.ok || !certificate.ok) throw new Error('seed fixtures must decode');
  const csrDer = csr.der;
  const refused = (name: string, input: PkiInput, reason: RegExp): MalformedCase => ({
    name,
    input,
    expect: { refused: reason },
  });
  const finding = (name: string, input: PkiInput, code: string): MalformedCase => ({
    name,
    input,
    expect: { finding: code },
  });
  const body = toBase64(csrDer);
  return [
    refused('empty input', '', /The input is empty/),
    refused('only whitespace', ' \r\n\t ', /The input is empty/),
    refused('two PEM blocks', csrPem + csrPem, /contains 2 PEM blocks/),
    refused('wrong PEM label', csrPem.replace(/CERTIFICATE REQUEST/g, 'PUBLIC KEY'), /labelled "PUBLIC KEY"/),
    refused('a private key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', /private key/),
    refused(
      'BEGIN and END labels differ',
      csrPem.replace('END CERTIFICATE REQUEST', 'END CERTIFICATE'),
      /begins with .* but ends with/,
    ),
    refused('no END line', csrPem.slice(0, csrPem.indexOf('-----END')), /has no END line/),
    refused('bad base64 character', csrPem.replace(/\n[A-Za-z0-9+/]/, '\n*'), /not valid base64/),
    refused('bad base64 padding', `${body}=`, /neither PEM nor valid base64/),
    refused(
      'a CSR labelled CERTIFICATE',
      derToPem(csrDer, 'CERTIFICATE'),
      /labelled CERTIFICATE but contains a certificate request/,
    ),
    refused(
      'a certificate labelled CERTIFICATE REQUEST',
      derToPem(certificate.der, 'CERTIFICATE REQUEST'),
      /but contains a certificate$/,
    ),
    refused('PEM over 16 KiB', csrPem + ' '.repeat(17 * 1024), /the limit is 16 KiB/),
    refused('DER over 16 KiB', tlv(0x30, new Uint8Array(17 * 1024)), /the limit is 16 KiB/),
    refused('binary that is neither DER nor text', bytes(0xff, 0xfe, 0x00, 0xc3), /neither DER nor PEM/),
    refused(
      'DER of something else',
      tlv(0x30, tlv(0x05, bytes())),
      /neither a certificate nor a certificate signing request/,
    ),
    refused(
      'trailing bytes after the DER',
      Uint8Array.from([...csrDer, 0, 0, 0]),
      /3 bytes of trailing data/,
    ),
    refused('truncated DER', csrDer.slice(0, csrDer.length - 7), /declares \d+ bytes but only \d+ remain/),
    refused('BER indefinite length', bytes(0x30, 0x80, 0x05, 0x00, 0x00, 0x00), /indefinite length/),
    refused('long-form length under 128', bytes(0x30, 0x81, 0x02, 0x05, 0x00), /uses the long form/),
    refused(
      'length with a leading zero octet',
      bytes(0x30, 0x82, 0x00, 0x02, 0x05, 0x00),
      /leading zero octets/,
    ),
    refused('length of five octets', bytes(0x30, 0x85, 0, 0, 0, 0, 2, 0x05, 0x00), /length of 5 octets/),
    refused(
      '84 FF FF FF FF length',
      bytes(0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x05, 0x00),
      /declares 4294967295 bytes/,
    ),
    refused(
      'constructed OCTET STRING (BER)',
      tlv(0x30, tlv(0x24, tlv(0x04, bytes(1)))),
      /constructed string/,
    ),
    refused('primitive SEQUENCE', tlv(0x30, tlv(0x10, bytes(5, 0))), /encoded as primitive/),
    refused('BOOLEAN that is not 00 or FF', tlv(0x30, bytes(0x01, 0x01, 0x01)), /BOOLEAN is not one octet/),
    refused('INTEGER with padding', tlv(0x30, bytes(0x02, 0x02, 0x00, 0x01)), /illegal padding/),
    refused('empty INTEGER', tlv(0x30, bytes(0x02, 0x00)), /INTEGER is empty/),
    refused('empty OID', tlv(0x30, bytes(0x06, 0x00)), /OBJECT IDENTIFIER is empty/),
    refused('OID ending inside an arc', tlv(0x30, bytes(0x06, 0x02, 0x2a, 0x86)), /ends inside an arc/),
    refused(
      'OID arc padded with 0x80',
      tlv(0x30, bytes(0x06, 0x03, 0x2a, 0x80, 0x01)),
      /not minimally encoded/,
    ),
    refused('OID arc 2^31, valid but not a certificate', oidArc(1n << 31n), /neither a certificate/),
    refused('OID arc 2^53+1, exact but not a certificate', oidArc((1n << 53n) + 1n), /neither a certificate/),
    refused(
      'high tag number not minimal',
      tlv(0x30, bytes(0x1f, 0x80, 0x01, 0x00)),
      /tag number is not minimally encoded/,
    ),
    refused('end-of-contents marker', tlv(0x30, bytes(0x00, 0x00)), /end-of-contents/),
    refused('nesting 10 deep', nestedDer(10), /neither a certificate/),
    refused('nesting 100 deep', nestedDer(100), /nesting deeper than 32/),
    refused('nesting 1 000 deep', nestedDer(1000), /nesting deeper than 32/),
    refused('nesting 2 441 deep', nestedDer(2441), /nesting deeper than 32/),
    refused('nesting 10 000 deep', nestedDer(10_000), /the limit is 16 KiB/),
    refused('nesting 100 000 deep', nestedDer(100_000), /the limit is 16 KiB/),
    refused(
      'indefinite nesting 1 000 deep',
      new Uint8Array(2000).map((_, i) => (i % 2 ? 0x80 : 0x30)),
      /indefinite length/,
    ),
    refused('context [0] nesting 1 000 deep', tlv(0x30, nestedDer(1000, 0xa0)), /nesting deeper than 32/),
    refused(
      '2 001 siblings',
      tlv(
        0x30,
        new Uint8Array(4002).map((_, i) => (i % 2 ? 0 : 5)),
      ),
      /more than 2000 ASN.1 nodes/,
    ),
    refused(
      'base64 DER with trailing bytes',
      toBase64(Uint8Array.from([...csrDer, 0, 0, 0])),
      /trailing data/,
    ),
    ...certificateCases(certificate.der, refused),
    finding(
      'CSR version 1 instead of 0',
      reencode(csrDer, (request) => (request.certificationRequestInfo.version = 1)),
      'csr_version_invalid',
    ),
    finding(
      'empty subject and no SAN',
      reencode(csrDer, ({ certificationRequestInfo: info }) => {
        info.subject = new Name([]);
        info.attributes = new Attributes();
      }),
      'csr_no_subject_name',
    ),
    finding('flipped bit in the signature', flip(csrDer, csrDer.length - 1), 'csr_signature_invalid'),
    finding(
      'signature algorithm changed',
      reencode(csrDer, (request) => (request.signatureAlgorithm.algorithm = '1.2.840.10045.4.3.3')),
      'csr_signature_invalid',
    ),
    finding('extension request that is a SET', extensionsAsSet(csrDer), 'csr_extension_request_unreadable'),
  ];
}

/** One field of the demo TLS certificate made wrong: the input is still shaped like a certificate. */
function certificateCases(
  der: Uint8Array,
  refused: (name: string, input: PkiInput, reason: RegExp) => MalformedCase,
): MalformedCase[] {
  const retag = (path: number[], tag: number) => patched(der, path, (node) => (node.der[0] = tag));
  const organization = [0, 5, 3, 0, 1];
  return [
    refused(
      'notBefore that is not a UTCTime',
      patched(der, [0, 4, 0], (node) => (node.content[12] = 0x81)),
      /certificate could not be decoded: malformed UTCTime "261128103823\\x81"/,
    ),
    refused('extension ID that is an INTEGER', retag([0, 7, 0, 0, 0], 0x02), /extension ID is not an OBJECT/),
    refused('implicitly tagged public key', retag([0, 6, 1], 0x84), /subjectPublicKey is not a BIT STRING/),
    refused(
      'signature with 9 unused bits',
      patched(der, [2], (node) => (node.content[0] = 9)),
      /more than 7 unused bits/,
    ),
    refused('name value with the reserved tag 0', retag(organization, 0x00), /reserved universal tag 0/),
    refused(
      'UTF8String in a name that is not UTF-8',
      patched(der, organization, (node) => (node.content[0] = 0xff)),
      /UTF8String in a name is not valid UTF-8/,
    ),
    refused('BMPString of 13 octets in a name', retag(organization, 0x1e), /BMPString .* partial character/),
  ];
}
