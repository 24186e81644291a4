export * from './demo-logins';
export * from './load-demo-data';
