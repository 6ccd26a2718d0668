import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TokenList } from '@/components/tokens/token-list';
import { tokensOf } from '@/lib/auth/token-admin';
import { requirePage } from '@/lib/authz/page';
import { revokeOwnTokenAction } from './actions';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await requirePage('dashboard:view');
  const tokens = await tokensOf(actor.userId);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Your account"
        description={`${actor.name} · ${actor.email}`}
        actions={
          <Link href="/account/password" className={buttonVariants({ variant: 'secondary' })}>
            Change password
          </Link>
        }
      />
      <Card aria-labelledby="own-tokens-title">
        <CardHeader>
          <CardTitle id="own-tokens-title">Your personal API tokens</CardTitle>
          <CardDescription>
            Scripts send these as <code>Authorization: Bearer …</code> and act as you. Revoke one you no
            longer use.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TokenList tokens={tokens} showHolder={false} revoke={revokeOwnTokenAction} />
        </CardContent>
      </Card>
    </div>
  );
}
