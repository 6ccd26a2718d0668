// `npm run admin -- <command>`: accounts from the server's shell, on the database in DATABASE_URL.
//   create-user EMAIL --role ROLE [--name NAME] [--password P]   (prints a generated password if none)
//   issue-token EMAIL [--name N]                                   (prints a personal API token, once)
//   list-tokens EMAIL                                              (ids, names, dates; never the token)
//   revoke-token TOKEN_ID                                          (an id list-tokens prints)
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

for (const file of ['.env', '.env.local']) if (existsSync(file)) process.loadEnvFile(file);

const usage = `Usage:
  npm run admin -- create-user EMAIL --role operator|officer|auditor|admin [--name NAME] [--password PASSWORD]
  npm run admin -- issue-token EMAIL [--name TOKEN_NAME]
  npm run admin -- list-tokens EMAIL
  npm run admin -- revoke-token TOKEN_ID`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
const [command, email] = positionals;
if (!command || !email) fail('Give a command and an e-mail address (a token id for revoke-token).');
if (process.env.DATABASE_URL?.trim() === ':memory:')
  fail('DATABASE_URL is :memory:; point it at the server’s database file.');

const { isRole } = await import('@/lib/auth/roles');
const { createUser, issueTokenForEmail, UserChangeError } = await import('@/lib/auth/users');
const { revokeToken, tokensOf } = await import('@/lib/auth/token-admin');
const { closeDb } = await import('@/lib/db');

try {
  if (command === 'create-user') {
    if (!isRole(values.role)) fail('--role must be one of operator, officer, auditor, admin.');
    const name = values.name ?? email.split('@')[0]!;
    const { password } = await createUser(null, {
      email,
      name,
      role: values.role,
      password: values.password,
    });
    console.log(`Created ${values.role} ${email}.`);
    if (!values.password) console.log(`Password (shown once, change it after signing in): ${password}`);
  } else if (command === 'issue-token') {
    const { token } = await issueTokenForEmail(email, values.name ?? 'cli');
    console.log(
      `Personal API token for ${email} (shown once; send as "Authorization: Bearer <token>"):\n${token}`,
    );
  } else if (command === 'list-tokens') {
    const tokens = (await tokensOf()).filter((t) => t.email === email.toLowerCase());
    if (tokens.length === 0) console.log(`${email} has no personal API tokens.`);
    for (const t of tokens) {
      const state = t.revokedAt ? `revoked ${t.revokedAt}` : 'active';
      console.log(
        `${t.id}  ${t.name}  issued ${t.createdAt}  last used ${t.lastUsedAt ?? 'never'}  ${state}`,
      );
    }
  } else if (command === 'revoke-token') {
    const token = await revokeToken(null, email);
    console.log(
      token.revokedAt
        ? `Token ${token.name} of ${token.email} was already revoked (${token.revokedAt}).`
        : `Revoked token ${token.name} of ${token.email}; it no longer opens anything.`,
    );
  } else {
    fail(`Unknown command ${command}.`);
  }
} catch (error) {
  if (error instanceof UserChangeError) fail(error.message);
  const message = (error as { body?: { message?: string } }).body?.message ?? (error as Error).message;
  console.error(`admin: ${message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
