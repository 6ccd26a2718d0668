import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { tokensOf } from '@/lib/auth/token-admin';
import { listUsers } from '@/lib/auth/users';
import { requirePage } from '@/lib/authz/page';
import { can } from '@/lib/authz/policy';
import { InviteForm } from './_components/invite-form';
import { TokenTable } from './_components/token-table';
import { UserTable } from './_components/user-table';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminPage() {
  const actor = await requirePage('users:read');
  // Auditors read this page; only administrators get the forms (the actions check again).
  const manage = can(actor, 'users:manage');
  const [users, tokens] = await Promise.all([listUsers(), tokensOf()]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Users"
        description={
          manage
            ? 'Invite people, change what they may do, and disable accounts.'
            : 'Everyone with an account and what they may do.'
        }
      />
      {manage ? <InviteForm /> : null}
      <UserTable users={users} self={actor.userId} manage={manage} />
      <TokenTable tokens={tokens} manage={manage} />
    </div>
  );
}
