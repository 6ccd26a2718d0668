import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { roleLabels, type Role } from '@/lib/auth/types';

type Props = { accounts: { email: string; role: Role }[]; password: string };

/** The demo's accounts, shown in demo mode only (the page decides). */
export function DemoAccounts({ accounts, password }: Props) {
  return (
    <Card aria-labelledby="demo-accounts">
      <CardHeader>
        <CardTitle id="demo-accounts">Demo accounts</CardTitle>
        <CardDescription>
          This is a demo: every account below uses the password{' '}
          <code className="font-mono text-slate-900">{password}</code>
        </CardDescription>
      </CardHeader>
      <CardContent>
        <table className="w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.email}>
                <td className="py-1 font-mono text-slate-900">{a.email}</td>
                <td className="py-1 text-right text-slate-600">{roleLabels[a.role]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
