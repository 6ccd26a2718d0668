'use client';

import type { ReactNode } from 'react';
import { Asn1Panel } from '@/components/asn1/asn1-panel';
import type { Decoded } from '@/lib/pki';
import type { Asn1Node } from '@/lib/pki/asn1-tree';
import { ViewTabs } from './view-tabs';

type InspectorTabsProps = {
  /** Names the tab list ("Certificate views"). */
  label: string;
  overview: ReactNode;
  extensions: ReactNode;
  opensslText: string;
  asn1: Decoded<Asn1Node>;
  pem: string;
};

/** The five views of something decoded in the browser, with the interactive ASN.1 tree. */
export function InspectorTabs({ asn1, ...views }: InspectorTabsProps) {
  return <ViewTabs {...views} asn1={<Asn1Panel tree={asn1} />} />;
}
