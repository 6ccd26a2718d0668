import { Badge, type BadgeTone } from '@/components/ui/badge';

const tones: Record<string, BadgeTone> = { success: 'ok', failure: 'danger', denied: 'warn' };

/** Whether a record is the intent written before an action (lib/audit/attempt.ts), not its outcome. */
export function isIntent(action: string): boolean {
  return action.endsWith('.intent');
}

/** An audit record's outcome; an intent reads as "intent", since its outcome only says it was logged. */
export function AuditOutcomeBadge({ action, outcome }: { action: string; outcome: string }) {
  if (isIntent(action)) return <Badge tone="info">Intent</Badge>;
  return <Badge tone={tones[outcome] ?? 'neutral'}>{outcome}</Badge>;
}
