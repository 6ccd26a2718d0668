import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { TokenList, type TokenView } from '@/components/tokens/token-list';
import { revokeTokenAction } from '../actions';

/** Everyone's personal API tokens; administrators may revoke any of them. */
export function TokenTable({ tokens, manage }: { tokens: TokenView[]; manage: boolean }) {
  return (
    <Card aria-labelledby="tokens-title">
      <CardHeader>
        <CardTitle id="tokens-title">Personal API tokens</CardTitle>
        <CardDescription>
          Scripts use these to call the API as their holder. A revoked token stops working at once.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <TokenList tokens={tokens} showHolder revoke={manage ? revokeTokenAction : undefined} />
      </CardContent>
    </Card>
  );
}
