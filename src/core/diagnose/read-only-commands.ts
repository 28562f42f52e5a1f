/**
 * What the diagnostic script may call: cmdlets and .NET members that only read, plus the one
 * write (the report file). diagnostic-script.test.ts checks every cmdlet-shaped word, static
 * call, `New-Object` type and native program of the script against these lists.
 */

/** Cmdlets that read or format only (their verbs are Get, Test, Select, Where, ForEach, Write-Host, ConvertTo, Join). */
export const READ_ONLY_CMDLETS = [
  'Get-CimInstance',
  'Get-ItemProperty',
  'Get-WinEvent',
  'Get-Date',
  'Test-Path',
  'Select-Object',
  'Where-Object',
  'ForEach-Object',
  'ConvertTo-Json',
  'Join-Path',
  'Write-Host',
  'New-Object',
] as const;

/** Functions the script defines itself (each reads only). */
export const SCRIPT_FUNCTIONS = [
  'Get-ErrorText',
  'Get-RegistryValue',
  'ConvertTo-Flag',
  'ConvertTo-Source',
  'Get-UpdateErrors',
] as const;

/** Static .NET members it calls. `WriteAllText` is the one write: the report, to `$OutFile`. */
export const STATIC_CALLS = [
  '[Environment]::GetFolderPath',
  '[System.Net.Dns]::GetHostAddresses',
  '[System.Net.WebRequest]::Create',
  '[System.IO.File]::WriteAllText',
] as const;

/** Types it creates: a socket, a TLS stream over it, a proxy for a request, a text encoding. */
export const CREATED_TYPES = [
  'System.Net.Sockets.TcpClient',
  'System.Net.Security.SslStream',
  'System.Net.WebProxy',
  'System.Text.UTF8Encoding',
] as const;

/** Native programs it runs, each with the only arguments allowed. */
export const NATIVE_COMMANDS = ['netsh winhttp show proxy'] as const;
