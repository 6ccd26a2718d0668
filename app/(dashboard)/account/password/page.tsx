import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/authz/page';
import { ChangePasswordForm } from './_components/change-password-form';

export const metadata: Metadata = { title: 'Change password' };

// Signed in by the layout; better-auth checks the current password and the session itself.
export default async function ChangePasswordPage() {
  await requirePage('dashboard:view');
  return (
    <div className="max-w-md">
      <PageHeader title="Change password" description="For accounts that sign in with e-mail and password." />
      <ChangePasswordForm />
    </div>
  );
}
