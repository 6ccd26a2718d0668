import { formatUtc } from '@/components/audit/audit-details';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { RevokeTokenForm, type RevokeAction } from './revoke-token-form';

/** A personal API token as lists show it: never the token itself, nor its hash. */
export type TokenView = {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

type Props = {
  tokens: TokenView[];
  /** Show whose token each is (the administrators' list of everyone's). */
  showHolder: boolean;
  /** Offer revoking live tokens with this Server Action; omitted for read-only viewers. */
  revoke?: RevokeAction;
};

/** Personal API tokens: name, holder, when issued and last used, and whether revoked. */
export function TokenList({ tokens, showHolder, revoke }: Props) {
  if (tokens.length === 0) {
    return (
      <EmptyState
        title="No personal API tokens."
        description={
          <>
            An administrator issues them on the server:{' '}
            <code>npm run admin -- issue-token EMAIL --name NAME</code>.
          </>
        }
      />
    );
  }
  return (
    <table aria-label="Personal API tokens" className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-slate-600">
        <tr>
          <th scope="col" className="py-2">
            Name
          </th>
          {showHolder ? <th scope="col">Holder</th> : null}
          <th scope="col">Issued</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
          {revoke ? (
            <th scope="col" className="text-right">
              Actions
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => {
          const label = showHolder ? `${token.name} of ${token.email}` : token.name;
          return (
            <tr key={token.id} className="border-b border-slate-100 align-top">
              <td className="py-2 font-medium text-slate-900">{token.name}</td>
              {showHolder ? <td className="py-2">{token.email}</td> : null}
              <td className="py-2">{formatUtc(token.createdAt)}</td>
              <td className="py-2">{token.lastUsedAt ? formatUtc(token.lastUsedAt) : 'Never'}</td>
              <td className="py-2">
                {token.revokedAt ? <Badge tone="danger">Revoked</Badge> : <Badge tone="ok">Active</Badge>}
              </td>
              {revoke ? (
                <td className="py-2 text-right">
                  {token.revokedAt ? null : (
                    <RevokeTokenForm tokenId={token.id} label={label} action={revoke} />
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
