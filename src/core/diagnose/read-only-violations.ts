import {
  CREATED_TYPES,
  NATIVE_COMMANDS,
  READ_ONLY_CMDLETS,
  SCRIPT_FUNCTIONS,
  STATIC_CALLS,
} from './read-only-commands.js';

/** The script as code: block comments, line comments and string literals (data) blanked. */
const codeOf = (script: string): string[] =>
  script
    .replace(/<#[\s\S]*?#>/g, '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/'(?:[^']|'')*'/g, "''")
        .replace(/"[^"]*"/g, '""')
        .replace(/#.*$/, ''),
    );

const NATIVE_PROGRAMS = [
  'netsh',
  'sc',
  'reg',
  'net',
  'dism',
  'bcdedit',
  'icacls',
  'takeown',
  'wmic',
  'cmd',
  'powershell',
  'pwsh',
  'schtasks',
  'bitsadmin',
  'wuauclt',
  'usoclient',
  'shutdown',
];
const WRITER_ALIASES =
  /(^|[\s;|(])(del|erase|rm|rmdir|rd|ri|ni|mv|move|cp|copy|cpi|mi|sc|si|kill|spps|sasv|ac|set|sv|clc|rni|ren|saps|start)\s/i;
const TEXT_AS_CODE = /\biex\b|Invoke-|\[scriptblock\]|-EncodedCommand|&\s*['"$(]|(^|\s)\.\s+['"$]/i;
const WRITING_METHODS =
  /\.(Delete|Kill|Stop|Start|SetValue|Change\w*|Remove\w*|Move\w*|Copy\w*|Write(?!AllText)\w*)\(/;
const REDIRECTION = /(^|[\s;|(])(\d?>>?)(?!\s*\$null)/;
const PERSONAL =
  /COMPUTERNAME|USERNAME|USERDOMAIN|CSName|RegisteredUser|WindowsIdentity|MachineName|UserName|hostname\b|whoami|USERPROFILE/i;

/**
 * Everything in a PowerShell script that is not on the read-only lists: for the diagnostic
 * script this must be empty. A reader of our own script's fixed style, not a PowerShell parser.
 */
export function readOnlyViolations(script: string): string[] {
  const found: string[] = [];
  const allowedCmdlets = new Set<string>([...READ_ONLY_CMDLETS, ...SCRIPT_FUNCTIONS]);
  const writes = (script.match(/WriteAllText\(/g) ?? []).length;
  if (writes !== 1 || !script.includes('[System.IO.File]::WriteAllText($OutFile, $json,'))
    found.push(`the report must be its one write (WriteAllText to $OutFile); found ${writes}`);
  if (PERSONAL.test(script))
    found.push(`reads a computer or user name: ${PERSONAL.exec(script)![0]}`);
  codeOf(script).forEach((line, index) => {
    const at = `line ${index + 1}`;
    for (const name of line.match(/\b[A-Za-z]+-[A-Za-z]+\b/g) ?? [])
      if (!allowedCmdlets.has(name)) found.push(`${at}: ${name} is not a read-only cmdlet`);
    for (const call of line.match(/\[[\w.]+\]::\w+/g) ?? [])
      if (!(STATIC_CALLS as readonly string[]).includes(call))
        found.push(`${at}: ${call} is not on the list`);
    for (const made of line.matchAll(/New-Object\s+([\w.]+)/g))
      if (!(CREATED_TYPES as readonly string[]).includes(made[1]!))
        found.push(`${at}: New-Object ${made[1]} is not on the list`);
    for (const program of NATIVE_PROGRAMS)
      if (
        new RegExp(String.raw`(^|[\s;|(&])${program}(\.exe)?(\s|$)`, 'i').test(line) &&
        !NATIVE_COMMANDS.some((c) => line.includes(c))
      )
        found.push(`${at}: runs ${program} with arguments not on the list`);
    if (TEXT_AS_CODE.test(line)) found.push(`${at}: runs text as code`);
    if (WRITER_ALIASES.test(line)) found.push(`${at}: uses an alias of a command that writes`);
    if (WRITING_METHODS.test(line)) found.push(`${at}: calls a method that changes something`);
    if (REDIRECTION.test(line)) found.push(`${at}: redirects output into a file`);
  });
  return found;
}
