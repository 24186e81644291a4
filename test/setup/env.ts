// Quiet logs in tests unless asked for; everything else comes from global setup.
process.env.LOG_LEVEL ??= 'silent';
process.env.NODE_ENV = 'test';
process.env.DEMO_DATA = 'false';
// supertest's cookie jar only sends Secure cookies over https.
process.env.COOKIE_SECURE = 'false';
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
