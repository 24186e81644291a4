import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const SMS_PROVIDERS = ['log'] as const;

/**
 * Every environment variable the product reads, with its default. `.env.example` mirrors
 * this class; a test checks that the two list the same names.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Where users reach the app; used in links in e-mails and printed at start. */
  @Matches(/^https?:\/\/[^\s/]+(\/.*)?$/, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** PostgreSQL server for the app. Empty: the start command runs an embedded one. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Redis for the job queues. Empty: the queues run on PostgreSQL. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;

  /** Queue key prefix; the braces make a Redis Cluster hash tag. */
  @Matches(/^[A-Za-z0-9{}_:-]{1,40}$/, { message: 'must be 1-40 letters, digits, {}_:-' })
  QUEUE_PREFIX = '{ohjaamo}';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  @IsIn(LANGUAGES)
  DEFAULT_LANGUAGE: Language = 'fi';

  /** Folder of the embedded PostgreSQL used when DATABASE_URL is empty. */
  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /**
   * 32-byte key (base64) that encrypts sensitive fields at rest (TOTP secrets, identity
   * codes). Required in production; the start command generates one for local use.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (44 characters)' })
  DATA_ENCRYPTION_KEY?: string;

  /** Send cookies only over HTTPS (browsers treat http://localhost as secure too). */
  @Transform(toBool)
  @IsBoolean()
  COOKIE_SECURE = true;

  /** A session ends after this many minutes without activity. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(240)
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this many hours after sign-in, however active. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Roles that must use two-factor sign-in, comma-separated, or "none". */
  @Matches(
    /^(none|(front_desk|adviser|coordinator|admin)(,(front_desk|adviser|coordinator|admin))*)$/,
    {
      message:
        'must be "none" or a comma-separated list of front_desk, adviser, coordinator, admin',
    },
  )
  MFA_REQUIRED_ROLES = 'front_desk,adviser,admin';

  /** Failed sign-ins in a row that lock an account. */
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(20)
  LOCKOUT_THRESHOLD = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOCKOUT_MINUTES = 15;

  /** Failed sign-ins from one address within 15 minutes before it is throttled. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1000)
  IP_FAILURE_LIMIT = 30;

  /** Load the demo data set when the database has none. */
  @Transform(toBool)
  @IsBoolean()
  DEMO_DATA = true;

  /** SMTP server for e-mail (smtp:// or smtps://). Empty: e-mails are logged, not sent. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender address of e-mails. */
  @IsString()
  MAIL_FROM = 'Ohjaamo <no-reply@ohjaamo.invalid>';

  /** SMS provider: "log" logs the message id only (development). */
  @IsIn(SMS_PROVIDERS)
  SMS_PROVIDER: (typeof SMS_PROVIDERS)[number] = 'log';

  /** Days without contact before an active client's responsible worker is reminded. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  NO_CONTACT_DAYS = 60;

  /** Years after a client relationship ended before the client is anonymised. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  RETENTION_YEARS = 5;

  /** Days a relayed outbox row is kept (for tracing) before the nightly prune deletes it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  OUTBOX_RETENTION_DAYS = 30;

  /**
   * Days a delivery-ledger row is kept at least. The prune never deletes a key whose
   * reminder a scan could still find (docs/architecture.md, "Pruning").
   */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3650)
  DELIVERY_RETENTION_DAYS = 400;

  /** Helsinki hours "HH-HH" in which no SMS goes to young people; postponed to the end. */
  @Matches(/^([01]\d|2[0-3])-([01]\d|2[0-3])$/, { message: 'must be "HH-HH", e.g. 21-08' })
  QUIET_HOURS = '21-08';

  /** Months after an outcome starts at which staff check it still holds, comma-separated. */
  @Matches(/^([1-9]|[1-5][0-9]|60)(,([1-9]|[1-5][0-9]|60))*$/, {
    message: 'must be a comma-separated list of months 1-60, e.g. 3,6,12',
  })
  FOLLOW_UP_MONTHS = '3,6,12';

  /** Days from a flagged concern to its reaction deadline. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  CONCERN_REACTION_DAYS = 3;

  /** Counts below this show as "<N" in reports and exports (small-count suppression). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(100)
  REPORT_SUPPRESSION_THRESHOLD = 5;
}

/** Variables whose values must never be echoed in an error message. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'DATABASE_URL',
  'REDIS_URL',
  'DATA_ENCRYPTION_KEY',
  'SMTP_URL',
]);
