import type { ReactNode } from 'react';
import { TabSet } from './tab-set';
import { TextPanel } from './text-panel';

type ViewTabsProps = {
  /** Names the tab list ("Certificate views"). */
  label: string;
  overview: ReactNode;
  extensions: ReactNode;
  opensslText: string;
  asn1: ReactNode;
  pem: string;
};

/** The five views of a certificate or CSR, rendered where they are used: in the browser or on the server. */
export function ViewTabs({ label, overview, extensions, opensslText, asn1, pem }: ViewTabsProps) {
  return (
    <TabSet
      label={label}
      views={[
        { value: 'overview', label: 'Overview', content: overview },
        { value: 'extensions', label: 'Extensions', content: extensions },
        {
          value: 'openssl',
          label: 'OpenSSL text',
          content: <TextPanel text={opensslText} copyLabel="Copy OpenSSL text" />,
        },
        { value: 'asn1', label: 'ASN.1', content: asn1 },
        // Always in the page, for scripts and find-in-page.
        {
          value: 'pem',
          label: 'PEM',
          content: <TextPanel text={pem} copyLabel="Copy PEM" />,
          keepMounted: true,
        },
      ]}
    />
  );
}
