import 'reflect-metadata';

// Each test file gets its own empty database unless it names a file itself (restart tests do).
process.env.DATABASE_URL = ':memory:';
