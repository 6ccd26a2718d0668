'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { isApiError } from '@/lib/api/fetcher';
import { useCancelRequest } from '@/lib/query/requests';

type CancelRequestProps = {
  id: string;
  /** The trigger's text; `subject` completes its accessible name where several requests share a page. */
  label?: string;
  subject?: string;
  size?: 'sm' | 'md';
};

/** Cancels a request still waiting for approval, after a confirmation. */
export function CancelRequest({ id, label = 'Cancel request', subject, size = 'md' }: CancelRequestProps) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelRequest(id);

  function confirm() {
    cancel.mutate(undefined, { onSuccess: () => setOpen(false) });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) cancel.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger" size={size}>
          {label}
          {subject ? <span className="sr-only"> {subject}</span> : null}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Cancel this request?</DialogTitle>
        <DialogDescription>
          The HSM drops the request and the approvers&apos; tasks. Approvals already given are lost; to get
          the certificate later, submit a new request.
        </DialogDescription>
        {cancel.error ? (
          <Alert
            tone="danger"
            className="mt-4"
            title={
              isApiError(cancel.error) && cancel.error.code === 'cancel_unknown'
                ? 'Whether the request was cancelled is not known yet.'
                : 'The request was not cancelled.'
            }
          >
            {cancel.error.message}
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Keep the request</Button>
          </DialogClose>
          <Button variant="danger" onClick={confirm} disabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel it'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
