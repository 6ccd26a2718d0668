import { StatusHistory } from '@/components/requests/status-history';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { RequestView } from '@/lib/api/dto';

export function HistorySection({ history }: { history: RequestView['history'] }) {
  return (
    <Card aria-labelledby="history-heading">
      <CardHeader>
        <CardTitle id="history-heading">Status history</CardTitle>
      </CardHeader>
      <CardContent>
        <StatusHistory history={history} />
      </CardContent>
    </Card>
  );
}
