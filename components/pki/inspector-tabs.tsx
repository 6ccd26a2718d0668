'use client';

import type { ReactNode } from 'react';
import { Asn1Panel } from '@/components/asn1/asn1-panel';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { Decoded } from '@/lib/pki';
import type { Asn1Node } from '@/lib/pki/asn1-tree';
import { TextPanel } from './text-panel';

type InspectorTabsProps = {
  /** Names the tab list ("Certificate views"). */
  label: string;
  overview: ReactNode;
  extensions: ReactNode;
  opensslText: string;
  asn1: Decoded<Asn1Node>;
  pem: string;
};

/**
 * The five views of a certificate or CSR. Radix tabs: arrow keys move between tabs, Tab enters the panel.
 * The PEM panel stays mounted (hidden while inactive) so the PEM is always in the page for scripts and
 * find-in-page; the others mount when opened.
 */
export function InspectorTabs({ label, overview, extensions, opensslText, asn1, pem }: InspectorTabsProps) {
  return (
    <Tabs defaultValue="overview">
      <TabsList aria-label={label} className="flex-wrap">
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="extensions">Extensions</TabsTrigger>
        <TabsTrigger value="openssl">OpenSSL text</TabsTrigger>
        <TabsTrigger value="asn1">ASN.1</TabsTrigger>
        <TabsTrigger value="pem">PEM</TabsTrigger>
      </TabsList>
      <TabsContent value="overview">{overview}</TabsContent>
      <TabsContent value="extensions">{extensions}</TabsContent>
      <TabsContent value="openssl">
        <TextPanel text={opensslText} copyLabel="Copy OpenSSL text" />
      </TabsContent>
      <TabsContent value="asn1">
        <Asn1Panel tree={asn1} />
      </TabsContent>
      <TabsContent value="pem" forceMount className="data-[state=inactive]:hidden">
        <TextPanel text={pem} copyLabel="Copy PEM" />
      </TabsContent>
    </Tabs>
  );
}
