// The server's Fastify plugins declare extra request/reply members (cookies, rateLimit) by module
// augmentation, which TypeScript only sees when the plugin is in the program. The server's own
// program gets them through app.ts; the bench imports the database bootstrap, which reaches the
// route files without app.ts, so it names the plugins here.
/// <reference types="@fastify/cookie" />
/// <reference types="@fastify/rate-limit" />
