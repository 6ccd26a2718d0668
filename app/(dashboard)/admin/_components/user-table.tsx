'use client';

import { useActionState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Table, TableBody, TableHead, Td, Th } from '@/components/ui/table';
import { roleLabels, roles } from '@/lib/auth/types';
import type { UserRow } from '@/lib/auth/users';
import { changeRoleAction, setDisabledAction, type AdminActionState } from '../actions';

function UserActions({ user, self }: { user: UserRow; self: boolean }) {
  const [roleState, changeRole, changing] = useActionState<AdminActionState, FormData>(changeRoleAction, {});
  const [statusState, setDisabled, toggling] = useActionState<AdminActionState, FormData>(
    setDisabledAction,
    {},
  );
  const error = roleState.error ?? statusState.error;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <form action={changeRole} className="flex gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <Select
            name="role"
            defaultValue={user.role ?? 'operator'}
            aria-label={`Role of ${user.email}`}
            className="h-8"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </Select>
          <Button type="submit" size="sm" variant="secondary" disabled={changing}>
            Change role
          </Button>
        </form>
        {self ? null : (
          <form action={setDisabled}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disable" value={String(!user.disabled)} />
            <Button
              type="submit"
              size="sm"
              variant={user.disabled ? 'secondary' : 'danger'}
              disabled={toggling}
            >
              {user.disabled ? 'Enable' : 'Disable'}
            </Button>
          </form>
        )}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Everyone with an account, with their role, status and second factor, and (`manage`: for administrators)
 * the controls to change them.
 */
export function UserTable({ users, self, manage }: { users: UserRow[]; self: string; manage: boolean }) {
  return (
    <Table variant="plain" aria-label="Users">
      <TableHead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Two-factor</Th>
          {manage ? <Th className="text-right">Actions</Th> : null}
        </tr>
      </TableHead>
      <TableBody>
        {users.map((user) => (
          <tr key={user.id}>
            <Td className="font-medium text-slate-900">{user.name}</Td>
            <Td>{user.email}</Td>
            <Td>{user.role ? roleLabels[user.role] : 'none'}</Td>
            <Td>{user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="ok">Active</Badge>}</Td>
            <Td>{user.secondFactor ? 'On' : 'Off'}</Td>
            {manage ? (
              <Td>
                <UserActions user={user} self={user.id === self} />
              </Td>
            ) : null}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
