import { customType } from 'drizzle-orm/pg-core';

/** Case-insensitive text (PostgreSQL citext): e-mail addresses compare without case. */
export const citext = customType<{ data: string }>({
  dataType() {
    return 'citext';
  },
});
