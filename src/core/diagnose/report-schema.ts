import { z } from 'zod';

/**
 * The diagnostic report that diagnostic-script.ts writes, as the reader accepts it. Every
 * object is strict (an unknown key is refused, `__proto__` included), every string and list
 * has a bound, so a hostile file cannot make the reader or the page do unbounded work.
 */

export const REPORT_SCHEMA_ID = 'erratlas-diagnostic-report';
export const REPORT_VERSION = 1;
/**
 * The largest report accepted. The script writes a few KiB (nine endpoints, ten errors); the
 * upload routes' body cap (64 KiB, the server-wide default) leaves room for the form around it.
 */
export const MAX_REPORT_BYTES = 48 * 1024;

export const DIAGNOSED_SERVICES = [
  'wuauserv',
  'bits',
  'cryptsvc',
  'UsoSvc',
  'dosvc',
  'TrustedInstaller',
] as const;

const short = z.string().max(300);
const nullableShort = short.nullable();
const flag = z.boolean().nullable();
/** Where a class of updates comes from under the scan source policy (1 = WSUS, 0 = Windows Update). */
const updateSource = z.enum(['wsus', 'windows-update']).nullable();

const serviceSchema = z.strictObject({
  name: z.string().max(64),
  present: z.boolean(),
  state: z.string().max(40).nullable(),
  startMode: z.string().max(40).nullable(),
});

const endpointSchema = z.strictObject({
  host: z.string().max(253),
  scheme: z.enum(['http', 'https']),
  port: z.number().int().min(1).max(65535),
  dns: z
    .strictObject({
      ok: z.boolean(),
      addresses: z.array(z.string().max(64)).max(32),
      error: nullableShort,
    })
    .nullable(),
  tcp: z.strictObject({ ok: z.boolean(), error: nullableShort }).nullable(),
  tls: z
    .strictObject({
      ok: z.boolean(),
      protocol: z.string().max(40).nullable(),
      issuer: nullableShort,
      error: nullableShort,
    })
    .nullable(),
  http: z
    .strictObject({
      status: z.number().int().min(100).max(999).nullable(),
      proxy: nullableShort,
      error: nullableShort,
    })
    .nullable(),
});

export const reportSchema = z.strictObject({
  schema: z.literal(REPORT_SCHEMA_ID),
  version: z.literal(REPORT_VERSION),
  generatedAt: z.string().max(40),
  windows: z.strictObject({
    caption: nullableShort,
    version: z.string().max(40).nullable(),
    build: z.string().max(40).nullable(),
    displayVersion: z.string().max(40).nullable(),
    editionId: z.string().max(80).nullable(),
    ubr: z.number().int().nonnegative().nullable(),
    architecture: z.string().max(40).nullable(),
  }),
  services: z.array(serviceSchema).max(20),
  proxy: z.strictObject({
    winhttp: z.strictObject({
      direct: flag,
      server: nullableShort,
      bypass: z.string().max(2000).nullable(),
      text: z.array(z.string().max(500)).max(20),
    }),
    user: z.strictObject({
      enabled: z.boolean(),
      server: nullableShort,
      autoConfigUrl: nullableShort,
    }),
  }),
  pendingRestart: z.strictObject({
    componentBasedServicing: flag,
    windowsUpdate: flag,
    pendingFileRename: flag,
  }),
  systemDrive: z.strictObject({
    drive: z.string().max(8),
    freeBytes: z.number().nonnegative().nullable(),
    sizeBytes: z.number().nonnegative().nullable(),
  }),
  updatePolicy: z.strictObject({
    useWsus: z.boolean(),
    wsusServer: nullableShort,
    wsusStatusServer: nullableShort,
    disableDualScan: flag,
    deferQualityUpdates: flag,
    deferFeatureUpdates: flag,
    doNotConnectToWindowsUpdateInternetLocations: flag,
    // The scan source policy ("Specify source service for specific classes of Windows
    // Updates"), which replaces dual scan on Windows 10 2004 and later and Windows 11. Optional:
    // reports of the first script lack it.
    scanSource: z
      .strictObject({
        useUpdateClassPolicySource: flag,
        feature: updateSource,
        quality: updateSource,
        driver: updateSource,
        other: updateSource,
      })
      .optional(),
  }),
  updateErrors: z
    .array(
      z.strictObject({
        time: z.string().max(40),
        eventId: z.number().int(),
        code: z.string().max(10).nullable(),
        text: z.string().max(300),
        // Which event log it came from; optional: reports of the first script read one log.
        log: z.enum(['operational', 'system']).optional(),
      }),
    )
    .max(50),
  endpoints: z.array(endpointSchema).max(100),
  problems: z.array(z.string().max(400)).max(50),
});

export type DiagnosticReport = z.infer<typeof reportSchema>;
export type EndpointResult = DiagnosticReport['endpoints'][number];
