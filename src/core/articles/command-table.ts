/**
 * The Windows commands the articles may use, with the switches each takes and the platforms
 * where each exists. Lint checks every `cmd` and `powershell` command against it, so a switch
 * that a platform lacks (DISM's `/RestoreHealth` on Windows 7) or a typo (`/Restorehealt`) is
 * caught before it ships. Facts and their sources: docs/CONTENT-REVIEW.md, "Command table".
 *
 * Platform sets are platform ids of content/products.yaml. A switch without `platforms` exists
 * wherever its program does.
 */

export const EVERY_WINDOWS = [
  'windows-11',
  'windows-10',
  'windows-8.1',
  'windows-8',
  'windows-7',
  'windows-server-2025',
  'windows-server-2022',
  'windows-server-2019',
  'windows-server-2016',
  'windows-server-2012-r2',
] as const;

const without = (...ids: string[]): readonly string[] =>
  EVERY_WINDOWS.filter((id) => !ids.includes(id));

/** Windows 8 and Windows Server 2012 R2 onwards. */
export const WINDOWS_8_UP = without('windows-7');
/** Windows 8.1 and Windows Server 2012 R2 onwards. */
export const WINDOWS_81_UP = without('windows-7', 'windows-8');
/** Windows 10 and Windows Server 2016 onwards. */
export const WINDOWS_10_UP = without(
  'windows-7',
  'windows-8',
  'windows-8.1',
  'windows-server-2012-r2',
);

/** What a use of a program names after it: its subcommand phrase and its switches, lower-case. */
export interface CommandArguments {
  subcommand?: string | undefined;
  switches: ReadonlySet<string>;
}

export interface SwitchSpec {
  platforms?: readonly string[];
}

/** One program or cmdlet: what may follow it, and what makes a use of it destructive. */
export interface CommandSpec {
  shell: 'cmd' | 'powershell';
  platforms: readonly string[];
  /**
   * The words that may come first (`net stop`, `netsh winhttp show proxy`), lower-case, as a
   * space-separated phrase; the longest that matches is taken. Absent: no subcommand.
   */
  subcommands?: Readonly<Record<string, SwitchSpec>>;
  /** `/Switch` (cmd) or `-Parameter` (PowerShell) names, lower-case, without value. */
  switches?: Readonly<Record<string, SwitchSpec>>;
  /** `key=` options (`sc config … start= auto`, `netsh … source=ie`), lower-case. */
  options?: Readonly<Record<string, SwitchSpec>>;
  /** Why a use of the command destroys something, or undefined when it does not. */
  destructive?: (use: CommandArguments) => string | undefined;
}

const all: SwitchSpec = {};
const names = (...list: string[]): Record<string, SwitchSpec> =>
  Object.fromEntries(list.map((name) => [name, all]));

/** `rd` and `rmdir` are one command under two names; `/s` makes it delete a whole tree. */
const removeDirectory = (name: string): CommandSpec => ({
  shell: 'cmd',
  platforms: EVERY_WINDOWS,
  switches: names('/s', '/q'),
  destructive: ({ switches }) =>
    switches.has('/s') ? `${name} /s deletes a folder with everything in it` : undefined,
});

/** `del` and `erase` likewise. */
const deleteFiles = (name: string): CommandSpec => ({
  shell: 'cmd',
  platforms: EVERY_WINDOWS,
  switches: names('/f', '/s', '/q', '/a'),
  destructive: () => `${name} deletes files`,
});

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  net: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    subcommands: names('start', 'stop'),
  },
  sc: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    subcommands: names('query', 'queryex', 'qc', 'config', 'start', 'stop'),
    options: names('start=', 'type=', 'state='),
  },
  netsh: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    subcommands: names(
      'winhttp show proxy',
      'winhttp reset proxy',
      'winhttp import proxy',
      'winhttp set proxy',
      'winsock reset',
      'int ip reset',
    ),
    options: names('source=', 'proxy-server=', 'bypass-list='),
  },
  dism: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    switches: {
      ...names(
        '/online',
        '/image',
        '/cleanup-image',
        '/get-packages',
        '/get-packageinfo',
        '/packagename',
        '/remove-package',
        '/add-package',
        '/packagepath',
        '/enable-feature',
        '/featurename',
        '/get-features',
        '/get-wiminfo',
        '/wimfile',
        '/english',
        '/norestart',
        '/logpath',
        '/source',
        '/limitaccess',
      ),
      '/checkhealth': { platforms: WINDOWS_8_UP },
      '/scanhealth': { platforms: WINDOWS_8_UP },
      '/restorehealth': { platforms: WINDOWS_8_UP },
      '/startcomponentcleanup': { platforms: WINDOWS_8_UP },
      '/all': { platforms: WINDOWS_8_UP },
      '/analyzecomponentstore': { platforms: WINDOWS_81_UP },
      // Checked only for Windows 10 and 11 (docs/content-review/content-win32.md).
      '/revertpendingactions': { platforms: WINDOWS_10_UP },
      '/resetbase': { platforms: WINDOWS_81_UP },
    },
  },
  sfc: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    switches: names(
      '/scannow',
      '/verifyonly',
      '/scanfile',
      '/verifyfile',
      '/offbootdir',
      '/offwindir',
    ),
  },
  regsvr32: { shell: 'cmd', platforms: EVERY_WINDOWS, switches: names('/s', '/u', '/i', '/n') },
  dir: { shell: 'cmd', platforms: EVERY_WINDOWS, switches: names('/a', '/b', '/s', '/o', '/q') },
  ren: { shell: 'cmd', platforms: EVERY_WINDOWS },
  rename: { shell: 'cmd', platforms: EVERY_WINDOWS },
  rd: removeDirectory('rd'),
  rmdir: removeDirectory('rmdir'),
  del: deleteFiles('del'),
  erase: deleteFiles('erase'),
  format: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    switches: names('/fs', '/q', '/v'),
    destructive: () => 'format erases a whole volume',
  },
  bitsadmin: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    // `/util /repairservice [/force]` and `/util /version [/verbose]`: "bitsadmin util and
    // repairservice", "bitsadmin util and version" (Microsoft Learn, Windows commands).
    switches: names(
      '/list',
      '/allusers',
      '/verbose',
      '/info',
      '/cancel',
      '/reset',
      '/util',
      '/repairservice',
      '/version',
      '/force',
    ),
    destructive: ({ switches }) =>
      switches.has('/reset') && switches.has('/allusers')
        ? "bitsadmin /reset /allusers cancels every user's transfers, not only the failed ones"
        : undefined,
  },
  usoclient: {
    shell: 'cmd',
    platforms: WINDOWS_10_UP,
    subcommands: names('startscan', 'startdownload', 'startinstall', 'restartdevice'),
  },
  reg: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    subcommands: names('query', 'add', 'delete', 'export', 'import'),
    switches: names('/v', '/ve', '/t', '/d', '/f', '/s', '/y'),
    destructive: ({ subcommand }) =>
      subcommand === 'delete' ? 'reg delete removes registry keys or values' : undefined,
  },
  chkdsk: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    switches: {
      ...names('/f', '/r', '/x'),
      '/scan': { platforms: WINDOWS_8_UP },
      '/spotfix': { platforms: WINDOWS_8_UP },
    },
  },
  icacls: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    switches: names('/reset', '/t', '/c', '/l', '/q', '/setowner', '/save', '/restore'),
  },
  shutdown: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    switches: { ...names('/r', '/t'), '/o': { platforms: WINDOWS_10_UP } },
  },
  gpupdate: { shell: 'cmd', platforms: EVERY_WINDOWS, switches: names('/force', '/target') },
  ipconfig: { shell: 'cmd', platforms: EVERY_WINDOWS, switches: names('/flushdns', '/all') },
  w32tm: {
    shell: 'cmd',
    platforms: EVERY_WINDOWS,
    switches: names('/resync', '/query', '/status'),
  },
  wsreset: { shell: 'cmd', platforms: WINDOWS_8_UP },
  winver: { shell: 'cmd', platforms: EVERY_WINDOWS },
  msconfig: { shell: 'cmd', platforms: EVERY_WINDOWS },
  'services.msc': { shell: 'cmd', platforms: EVERY_WINDOWS },

  'get-service': { shell: 'powershell', platforms: EVERY_WINDOWS, switches: names('-name') },
  'start-service': { shell: 'powershell', platforms: EVERY_WINDOWS, switches: names('-name') },
  'stop-service': {
    shell: 'powershell',
    platforms: EVERY_WINDOWS,
    switches: names('-name', '-force'),
  },
  'restart-service': {
    shell: 'powershell',
    platforms: EVERY_WINDOWS,
    switches: names('-name', '-force'),
  },
  'set-service': {
    shell: 'powershell',
    platforms: EVERY_WINDOWS,
    switches: names('-name', '-startuptype'),
  },
  'get-bitstransfer': {
    shell: 'powershell',
    platforms: EVERY_WINDOWS,
    switches: names('-allusers', '-name'),
  },
  'remove-bitstransfer': { shell: 'powershell', platforms: EVERY_WINDOWS },
  'get-windowsupdatelog': {
    shell: 'powershell',
    platforms: WINDOWS_10_UP,
    switches: names('-logpath'),
  },
  'repair-windowsimage': {
    shell: 'powershell',
    platforms: WINDOWS_8_UP,
    switches: names(
      '-online',
      '-restorehealth',
      '-scanhealth',
      '-checkhealth',
      '-source',
      '-limitaccess',
    ),
  },
  'get-windowsimage': {
    shell: 'powershell',
    platforms: WINDOWS_8_UP,
    switches: names('-imagepath', '-index', '-name'),
  },
  'mount-diskimage': {
    shell: 'powershell',
    platforms: WINDOWS_8_UP,
    switches: names('-imagepath'),
  },
  'test-netconnection': {
    shell: 'powershell',
    platforms: WINDOWS_81_UP,
    switches: names('-computername', '-port'),
  },
  'get-hotfix': { shell: 'powershell', platforms: EVERY_WINDOWS, switches: names('-id') },
  'rename-item': {
    shell: 'powershell',
    platforms: EVERY_WINDOWS,
    switches: names('-path', '-newname'),
  },
  'format-list': { shell: 'powershell', platforms: EVERY_WINDOWS, switches: names('-property') },
  'where-object': { shell: 'powershell', platforms: EVERY_WINDOWS },
  'select-object': { shell: 'powershell', platforms: EVERY_WINDOWS, switches: names('-property') },
  'remove-item': {
    shell: 'powershell',
    platforms: EVERY_WINDOWS,
    switches: names('-path', '-recurse', '-force'),
    destructive: () => 'Remove-Item deletes files or folders',
  },
};
