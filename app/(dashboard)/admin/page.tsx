import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getActor } from '@/lib/auth';
import { listUsers } from '@/lib/auth/users';
import { InviteForm } from './_components/invite-form';
import { UserTable } from './_components/user-table';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminPage() {
  // The layout let a signed-in user through; this page is for administrators only.
  const actor = await getActor(await headers());
  if (actor?.role !== 'admin') notFound();
  const users = await listUsers();

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Users" description="Invite people, change what they may do, and disable accounts." />
      <InviteForm />
      <UserTable users={users} self={actor.userId} />
    </div>
  );
}
