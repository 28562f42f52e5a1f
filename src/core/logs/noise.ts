/**
 * Known-harmless lines (LOG-FORMATS.md: §1 WindowsUpdate, §4 CBS, §5 DISM, §6 Panther). They
 * are marked, never dropped: a reader may still want them, and one of them can matter (the
 * `*FAILED* [80070426]` auth-ticket chain of [S4] is deliberately not listed here).
 */
export type NoiseRule = { code: number; text?: RegExp; why: string };

export const NOISE: readonly NoiseRule[] = [
  { code: 0x80248007, why: 'WU_E_DS_NODATA: a data-store lookup that found nothing (§1)' },
  { code: 0x8024000c, why: 'WU_E_NOOP: nothing to do (§1)' },
  {
    code: 0x80240013,
    text: /m_services\.Add|services/i,
    why: 'WU_E_DUPLICATE_ITEM while services are listed (§1)',
  },
  {
    code: 0x80246007,
    text: /IsCommitRequired/,
    why: 'WU_E_DM_NOTDOWNLOADED from IsCommitRequired (§1)',
  },
  { code: 0x80070032, text: /appx/i, why: 'Appx applicability probe (§1)' },
  { code: 0x80092004, text: /ticket/i, why: 'auth-ticket probe (§1)' },
  { code: 0x80070057, text: /ticket/i, why: 'auth-ticket probe (§1)' },
  {
    code: 0x800f0805,
    text: /internally open package|OpenPackage using worker session/i,
    why: 'CBS_E_INVALID_PACKAGE while Windows Update probes packages (§4)',
  },
  {
    code: 0x80070002,
    text: /Windows Error Report|ImagePath for service/i,
    why: 'a missing file that only the error report or a service probe wanted (§4, §6)',
  },
  {
    code: 0x80070490,
    text: /from registry/i,
    why: 'ERROR_NOT_FOUND reading an optional registry value (§4)',
  },
  {
    code: 0x8007007e,
    text: /load the provider|PEProvider|EmbeddedProvider/i,
    why: 'DISM provider that is absent outside WinPE (§5)',
  },
  { code: 0x8007007b, text: /FIOReadFileIntoBuffer/, why: 'WIMGAPI probe (§5)' },
  { code: 0xc142011c, text: /UnmarshallImageHandleFromDirectory/, why: 'WIMGAPI probe (§5)' },
  { code: 0xc0000034, why: 'STATUS_OBJECT_NAME_NOT_FOUND: a CSI registry probe (§4, §6)' },
  { code: 0x800700e8, text: /Swallowing error/i, why: 'setup swallowed the error itself (§6)' },
  { code: 0x80070bc2, why: 'ERROR_SUCCESS_REBOOT_REQUIRED: success, a restart completes it (§10)' },
];

/** Why this code on this line is harmless, or undefined when it is not known noise. */
export function noiseReason(code: number, line: string): string | undefined {
  for (const rule of NOISE) {
    if (rule.code === code && (rule.text === undefined || rule.text.test(line))) return rule.why;
  }
  return undefined;
}
