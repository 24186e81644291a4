/**
 * Log paths that may carry personal data or secrets. pino replaces them with
 * "[redacted]". Request bodies are never logged at all; these cover headers, errors
 * and objects passed to the logger by mistake.
 */
const PERSONAL_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'totp',
  'totpCode',
  'recoveryCode',
  'identityCode',
  'personalIdentityCode',
  'ssn',
  'hetu',
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'address',
  'birthDate',
  'note',
];

export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  // A failed query's error carries its parameters, and PostgreSQL's detail can quote a row.
  'err.parameters',
  'err.detail',
  'err.driverError.parameters',
  'err.driverError.detail',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]),
];
