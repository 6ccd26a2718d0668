// The part of @lapo/asn1js (which ships JavaScript only) that lib/pki uses.
declare module '@lapo/asn1js' {
  export class Stream {
    constructor(enc: ArrayLike<number>, pos: number);
    pos: number;
    /** The OID's dotted form, followed by "\n" and its description when the package's OID table knows it. */
    parseOID(start: number, end: number, maxLength: number, isRelative?: boolean): string;
  }

  export interface ASN1Tag {
    /** 0 universal, 1 application, 2 context-specific, 3 private. */
    tagClass: number;
    tagConstructed: boolean;
    tagNumber: number;
  }

  export class ASN1 {
    stream: Stream;
    header: number;
    /** Contents length; negative only for BER indefinite lengths, which DER has not. */
    length: number;
    tag: ASN1Tag;
    /** Children of a constructed value, or DER found inside a primitive OCTET or BIT STRING; else null. */
    sub: ASN1[] | null;
    /** A preview of the value for people; ASN1.decode also calls it to vet DER found inside a string. */
    content(maxLength?: number): string | null;
    posStart(): number;
    posContent(): number;
    posEnd(): number;
    /** `type`, a subclass, is what the element and (through `type.decode`) its descendants are made of. */
    static decode(stream: ArrayLike<number> | Stream, offset?: number, type?: typeof ASN1): ASN1;
  }
}
