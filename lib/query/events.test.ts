import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestPage, RequestView } from '@/lib/api/dto';
import { connectRequestEvents, currentLiveStatus, type EventSourceLike } from './events';
import { requestKeys, requestListDefaults } from './requests';

class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  listeners: ((event: MessageEvent<string>) => void)[] = [];
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(_type: 'request', listener: (event: MessageEvent<string>) => void) {
    this.listeners.push(listener);
  }
  close() {
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  fail(readyState = 0) {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
  push(data: unknown) {
    this.listeners.forEach((listener) =>
      listener(new MessageEvent('request', { data: JSON.stringify(data) })),
    );
  }
}

const at = '2026-01-01T00:00:00.000Z';
const view = (id: string, status: RequestView['status']): RequestView => ({
  id,
  tsbRequestId: 'tsb-1',
  mode: 'async',
  status,
  signKeyName: 'CA.approver.example',
  signatureAlgorithm: 'SHA256_WITH_RSA',
  commonName: 'live.example',
  certificateAuthority: false,
  keyUsage: [],
  extendedKeyUsage: [],
  reason: '',
  csrPem: 'x',
  csrSha256: 'y',
  createdAt: at,
  updatedAt: at,
  executionTime: null,
  timelockEndsAt: null,
  expiresAt: null,
  approval: null,
  certificatePem: null,
  resultMismatches: [],
  importedLabel: null,
  error: null,
  requester: null,
  history: [{ status, at, note: null }],
  lastCheckedAt: at,
});

let client: QueryClient;
let disconnect: () => void;
const latest = () => FakeEventSource.opened.at(-1)!;

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.opened = [];
  client = new QueryClient();
  disconnect = connectRequestEvents(client, requestKeys, { create: (url) => new FakeEventSource(url) });
});

afterEach(() => {
  disconnect();
  vi.useRealTimers();
});

describe('pushed request events', () => {
  it('put the view in its detail query and in a loaded list page, then mark lists stale once per burst', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const listKey = requestKeys.list(requestListDefaults);
    const page: RequestPage = { requests: [view(id, 'PENDING')], total: 1, page: 1, pageSize: 25 };
    client.setQueryData(listKey, page);
    latest().open();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    latest().push(view(id, 'APPROVED'));
    latest().push(view(id, 'EXECUTED'));
    latest().push({ id, status: 'NOT A VIEW' });
    expect(client.getQueryData<RequestView>(requestKeys.detail(id))?.status).toBe('EXECUTED');
    expect(client.getQueryData<RequestPage>(listKey)?.requests[0]?.status).toBe('EXECUTED');
    vi.advanceTimersByTime(1000);
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: requestKeys.list() });
  });

  it('report live, reconnecting while the browser retries, polling once it gives up, and reconnect with backoff', () => {
    expect(currentLiveStatus()).toBe('polling');
    latest().open();
    expect(currentLiveStatus()).toBe('live');
    latest().fail();
    expect(currentLiveStatus()).toBe('reconnecting');
    latest().fail(2);
    expect(currentLiveStatus()).toBe('polling');
    expect(FakeEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(35_000);
    expect(FakeEventSource.opened).toHaveLength(2);
    const refetch = vi.spyOn(client, 'invalidateQueries');
    latest().open();
    expect(currentLiveStatus()).toBe('live');
    // What changed while the stream was down was not pushed: it is read again.
    expect(refetch).toHaveBeenCalledWith({ queryKey: requestKeys.all });
  });

  it('stop the browser retrying after a few failed attempts', () => {
    for (let attempt = 0; attempt < 4; attempt++) latest().fail();
    expect(latest().readyState).toBe(2);
    expect(currentLiveStatus()).toBe('polling');
  });

  it('close the stream and fall back to polling on disconnect', () => {
    latest().open();
    disconnect();
    expect(latest().readyState).toBe(2);
    expect(currentLiveStatus()).toBe('polling');
  });
});
