import type { FamilyMatch } from './family-schema.js';

/** The broad areas /families groups its families under, in the order the page shows them. */
export const FAMILY_GROUPS = [
  { id: 'windows-update', title: 'Windows Update and its download services' },
  { id: 'network', title: 'Network and web' },
  { id: 'servicing', title: 'Servicing: the component store, updated files and drivers' },
  { id: 'setup', title: 'Windows setup and upgrades' },
  { id: 'generic', title: 'Generic Windows codes' },
] as const;

export type FamilyGroupId = (typeof FAMILY_GROUPS)[number]['id'];

/**
 * Which area a family's rule puts it in. BITS and Delivery Optimization download for Windows
 * Update, so they sit with its components; HTTP statuses, WinHTTP and WinINet are the network;
 * CBS, PSFX and SetupAPI are servicing; the setup table is setup; everything that only says
 * "a Win32 error", "an NTSTATUS" or names a facility is generic.
 */
export function familyGroupOf(match: FamilyMatch): FamilyGroupId {
  if ('wuComponent' in match) return 'windows-update';
  if ('cbsFamily' in match) return 'servicing';
  if ('wrapped' in match) return match.wrapped === 'http' ? 'network' : 'generic';
  if ('table' in match) {
    switch (match.table) {
      case 'wu':
      case 'bits':
      case 'do':
        return 'windows-update';
      case 'winhttp':
      case 'wininet':
        return 'network';
      case 'cbs':
        return 'servicing';
      case 'setup':
        return 'setup';
      case 'hresults':
      case 'win32':
      case 'ntstatus':
        return 'generic';
    }
  }
  return 'generic';
}

/** "1 code", "2 codes": a count with its noun in the right number. */
export const countOf = (n: number, singular: string, plural = `${singular}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
