import type { ReactNode } from 'react';
import { Providers } from '@/lib/query/providers';

// The pages of this section read their data through queries (lib/query).
export default function RequestsLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
