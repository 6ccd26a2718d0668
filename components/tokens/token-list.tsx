import { formatUtc } from '@/components/audit/audit-details';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableHead, Td, Th } from '@/components/ui/table';
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
    <Table variant="plain" aria-label="Personal API tokens">
      <TableHead>
        <tr>
          <Th>Name</Th>
          {showHolder ? <Th>Holder</Th> : null}
          <Th>Issued</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          {revoke ? <Th className="text-right">Actions</Th> : null}
        </tr>
      </TableHead>
      <TableBody>
        {tokens.map((token) => {
          const label = showHolder ? `${token.name} of ${token.email}` : token.name;
          return (
            <tr key={token.id}>
              <Td className="font-medium text-slate-900">{token.name}</Td>
              {showHolder ? <Td>{token.email}</Td> : null}
              <Td>{formatUtc(token.createdAt)}</Td>
              <Td>{token.lastUsedAt ? formatUtc(token.lastUsedAt) : 'Never'}</Td>
              <Td>
                {token.revokedAt ? <Badge tone="danger">Revoked</Badge> : <Badge tone="ok">Active</Badge>}
              </Td>
              {revoke ? (
                <Td className="text-right">
                  {token.revokedAt ? null : (
                    <RevokeTokenForm tokenId={token.id} label={label} action={revoke} />
                  )}
                </Td>
              ) : null}
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
