/**
 * What the codes people meet most often mean for them, written by hand, by symbolic name. The
 * message each paraphrases is Microsoft's: "System Error Codes" (Microsoft Learn, from
 * WinError.h) for Win32; "Error Messages (Wininet.h)" (Microsoft Learn) and the message
 * table of winhttp.dll ("Error Messages (Winhttp.h)") for the web clients' 12xxx errors; the
 * COM error constants (E_*, "Common HRESULT Values"); and "NTSTATUS Values" (MS-ERREF 2.3.1).
 * Windows Installer's (1601-1642, 3010, 3017) are in "System Error Codes" too.
 * The words are ours (docs/DECISIONS.md "Plain meaning of a code"): what the message says,
 * for a person, with at most a hedged word on the usual cause. A name here wins over the
 * words of its name.
 */
export const COMMON_MEANINGS: Readonly<Record<string, string>> = {
  // Win32 errors (they also arrive as 0x8007xxxx and inside NTSTATUS 0xC007xxxx).
  ERROR_SUCCESS: 'Not an error: the operation finished successfully.',
  ERROR_INVALID_FUNCTION:
    'Incorrect function: a program asked Windows or a device driver for something it does not do in this situation.',
  ERROR_FILE_NOT_FOUND:
    'File not found: Windows or an update looked for a file that is not where it was expected.',
  ERROR_PATH_NOT_FOUND:
    'Path not found: a folder in the path Windows or an update used does not exist.',
  ERROR_TOO_MANY_OPEN_FILES:
    'Windows could not open the file: too many files were open at once, or the file could not be opened at all.',
  ERROR_ACCESS_DENIED:
    'Access denied: Windows or an update could not open a file, folder or setting because permission was refused.',
  ERROR_INVALID_HANDLE:
    'Invalid handle: a program used a reference to a file, key or object that was already closed or never valid.',
  ERROR_NOT_ENOUGH_MEMORY:
    'Not enough memory: Windows ran short of memory for the operation; closing programs or restarting may help.',
  ERROR_BAD_FORMAT:
    'Bad program format: Windows tried to start a program file that is damaged or made for another kind of PC.',
  ERROR_INVALID_DATA:
    'Invalid data: a program or update read data that is damaged or not in the form it expected.',
  ERROR_OUTOFMEMORY: 'Out of memory: not enough memory was free to finish the operation.',
  ERROR_INVALID_DRIVE: 'Drive not found: Windows could not find the drive that was named.',
  ERROR_WRITE_PROTECT: 'Write protected: the disk or card cannot be written to.',
  ERROR_NOT_READY:
    'Device not ready: a drive or device did not respond, for example a disconnected or sleeping disk.',
  ERROR_CRC:
    'Data error (cyclic redundancy check): data read from a disk or file did not match its checksum, which points at a damaged file or failing disk.',
  ERROR_GEN_FAILURE:
    'A device attached to the PC is not working: a driver or the hardware itself reported a failure.',
  ERROR_SHARING_VIOLATION:
    'File in use: another program has the file open, so Windows or an update could not use it.',
  ERROR_LOCK_VIOLATION: 'File locked: another program has locked part of the file that was needed.',
  ERROR_HANDLE_DISK_FULL: 'Disk full: the disk has no free space left.',
  ERROR_NOT_SUPPORTED: 'Not supported: the request is not supported by this version or device.',
  ERROR_BAD_NETPATH:
    'Network path not found: the computer or share named in the path could not be reached.',
  ERROR_FILE_EXISTS: 'File already exists: a file with that name is already there.',
  ERROR_INVALID_PARAMETER:
    'Invalid parameter: a program or update passed Windows a value it does not accept.',
  ERROR_BROKEN_PIPE:
    'Broken pipe: the program at the other end of a connection between two programs closed it.',
  ERROR_SEM_TIMEOUT:
    'Timed out: a wait for a device, network or another program lasted longer than allowed.',
  ERROR_DISK_FULL: 'Disk full: there is not enough free space on the drive to finish.',
  ERROR_INSUFFICIENT_BUFFER:
    'Buffer too small: a program gave Windows too little room for the answer (usually a program bug, not something to fix on the PC).',
  ERROR_INVALID_NAME:
    'Invalid name: a file, folder or volume name is written in a form Windows does not accept.',
  ERROR_MOD_NOT_FOUND:
    'Module not found: a program needed a DLL or other module that Windows could not find.',
  ERROR_PROC_NOT_FOUND:
    'Procedure not found: a DLL was found but lacks the function a program wanted, often a version mismatch.',
  ERROR_DIR_NOT_EMPTY:
    'Folder not empty: a folder could not be removed because it still has files.',
  ERROR_BAD_PATHNAME: 'Bad path: the path given to Windows is not valid.',
  ERROR_ALREADY_EXISTS:
    'Already exists: Windows could not create a file or object because one with that name is already there.',
  ERROR_BAD_EXE_FORMAT:
    'Not a valid program: the file is damaged or is not a Windows program for this PC.',
  ERROR_FILENAME_EXCED_RANGE:
    'Name or path too long: a file name or path is longer than Windows allows here.',
  ERROR_NO_MORE_ITEMS:
    'No more items: a list came to its end; usually a normal answer rather than a fault.',
  ERROR_OPERATION_ABORTED:
    'Operation aborted: the work was stopped before it finished, because a program quit or it was cancelled.',
  ERROR_NOACCESS:
    'Invalid memory access: a program touched memory it may not use, a program or driver fault.',
  ERROR_IO_PENDING:
    'Still in progress: the operation was started and finishes later; not a failure.',
  ERROR_CANT_ACCESS_FILE:
    'Cannot access the file: Windows could not reach the file it was asked for.',
  ERROR_SERVICE_REQUEST_TIMEOUT:
    'Service did not answer in time: a Windows service did not respond to a start or control request quickly enough.',
  ERROR_INVALID_SERVICE_CONTROL:
    'Request not valid for this service: the service was sent a control request (such as stop or pause) that it does not accept.',
  ERROR_SERVICE_ALREADY_RUNNING:
    'Service already running: the service was asked to start but is running.',
  ERROR_SERVICE_DISABLED:
    'Service disabled: a Windows service that is needed is set to Disabled, so it cannot start.',
  ERROR_SERVICE_DOES_NOT_EXIST:
    'Service missing: a Windows service that was asked for is not installed.',
  ERROR_SERVICE_NOT_ACTIVE: 'Service not started: a Windows service that is needed is not running.',
  ERROR_SERVICE_MARKED_FOR_DELETE:
    'Service being removed: the service is marked for deletion; it goes away once nothing uses it any more, at the latest after a restart.',
  ERROR_NOT_FOUND: 'Not found: the item that was asked for does not exist.',
  ERROR_CANCELLED: 'Cancelled: the operation was cancelled, often by the person using the PC.',
  ERROR_PRIVILEGE_NOT_HELD:
    'Missing privilege: the action needs a right the account does not have, often administrator rights.',
  ERROR_LOGON_FAILURE: 'Sign-in failed: the user name or password was not accepted.',
  ERROR_FILE_CORRUPT: 'File damaged: the file is corrupt and cannot be read.',
  ERROR_DISK_CORRUPT:
    'Disk damaged: the structure of the disk is corrupt and cannot be read; a disk check is needed.',
  ERROR_NO_SYSTEM_RESOURCES:
    'Not enough system resources: Windows ran out of an internal resource needed to finish.',
  ERROR_TIMEOUT: 'Timed out: the operation took longer than allowed and was given up.',
  ERROR_INVALID_STATE: 'Wrong state: the request came at a moment when it could not be done.',
  ERROR_INSTALL_USEREXIT:
    'Installation cancelled: the installation was stopped by the person using the PC.',
  ERROR_INSTALL_FAILURE:
    'Installation failed: Windows Installer hit a fatal error while installing a program or update.',
  ERROR_INSTALL_SERVICE_FAILURE:
    'Windows Installer could not be reached: its service did not start or answer.',
  ERROR_INSTALL_PACKAGE_REJECTED:
    'Installation refused: a policy on this PC does not allow the package to be installed.',
  ERROR_INSTALL_ALREADY_RUNNING:
    'Another installation is running: Windows Installer handles one installation at a time; wait for the other one to finish.',
  ERROR_PATCH_PACKAGE_INVALID:
    'The update package could not be opened: it is damaged or not a valid Windows Installer patch.',
  ERROR_FUNCTION_FAILED: 'A step of the installation failed while it ran.',
  ERROR_SUCCESS_REBOOT_REQUIRED:
    'Done, restart needed: the installation succeeded and finishes when the PC restarts.',
  ERROR_SXS_ASSEMBLY_MISSING:
    'Component missing: a Windows component (side-by-side assembly) that something needs is not in the component store.',
  ERROR_SXS_COMPONENT_STORE_CORRUPT:
    'Component store damaged: the store Windows installs updates from is corrupt; DISM can often repair it.',
  ERROR_DEVICE_NOT_CONNECTED: 'Device not connected: the device is missing or unplugged.',
  ERROR_NETWORK_UNREACHABLE: 'Network unreachable: the PC has no route to the remote network.',
  ERROR_BAD_NET_NAME:
    'Network name not found: the share or computer named in the network path cannot be found.',
  ERROR_SHUTDOWN_IN_PROGRESS:
    'Shutting down: Windows is shutting down, so the request was not carried out.',
  ERROR_INTERNAL_ERROR: 'Internal error: a Windows component hit an internal error.',
  ERROR_COMMITMENT_LIMIT:
    'Paging file too small: Windows ran out of virtual memory (memory and paging file together) for the operation.',
  ERROR_XML_PARSE_ERROR:
    'XML could not be read: Windows could not parse XML data it was given, which may be damaged.',
  ERROR_PATCH_PACKAGE_OPEN_FAILED:
    'The update package could not be opened: it is missing, or it could not be read.',
  ERROR_PATCH_TARGET_NOT_FOUND:
    'Nothing to update: the program this update is for may be missing, or the update is for a different version of it.',
  RPC_S_SERVER_UNAVAILABLE:
    'RPC server unavailable: a program could not reach the service it calls, on this PC or another; that service not running, or a firewall, can cause it.',
  RPC_S_CALL_FAILED:
    'Remote call failed: a call from one program or service to another failed while it ran.',
  ERROR_FAIL_REBOOT_REQUIRED:
    'Failed, restart needed: the operation failed, and the PC must restart to roll back the changes it made.',
  ERROR_SXS_TRANSACTION_CLOSURE_INCOMPLETE:
    'Parts missing: one or more of the components that must be installed together are not present.',
  // The web clients' Win32 errors (WinHTTP, WinINet: 12xxx, 0x80072xxx).
  ERROR_WINHTTP_TIMEOUT:
    'Connection timed out: the server did not answer in time; a slow or blocked network, proxy or firewall is the usual cause.',
  ERROR_INTERNET_TIMEOUT:
    'Connection timed out: the server did not answer in time; a slow or blocked network, proxy or firewall is the usual cause.',
  ERROR_WINHTTP_NAME_NOT_RESOLVED:
    'Server name not found: the PC could not look up the server name or address, usually because DNS or the network connection is failing.',
  ERROR_WINHTTP_CANNOT_CONNECT:
    'Could not connect to the server: the network, a proxy or a firewall blocked the connection, or the server did not accept it.',
  ERROR_WINHTTP_CONNECTION_ERROR:
    'Connection dropped: the connection to the server was reset or closed before the answer came.',
  ERROR_WINHTTP_SECURE_FAILURE:
    'Secure connection failed: a security error stopped the encrypted connection to the server, such as a certificate that was not accepted; a wrong date on the PC or something intercepting the connection can cause it.',
  ERROR_INTERNET_CONNECTION_RESET:
    'Connection reset: the connection with the server was reset before the answer came.',
  ERROR_INTERNET_INVALID_CA:
    "Untrusted certificate authority: the server's certificate was issued by an authority this PC does not know or trust, so the secure connection was refused.",
  ERROR_INTERNET_SEC_CERT_DATE_INVALID:
    "Certificate date not valid: the server's certificate has expired or its date is not valid; a wrong date on the PC can cause it too.",
  ERROR_INTERNET_SEC_CERT_CN_INVALID:
    "Certificate name mismatch: the host name in the server's certificate does not match the server that was asked for.",
  ERROR_INTERNET_SEC_CERT_ERRORS:
    "Certificate errors: the server's certificate has errors, so the secure connection was refused.",
  ERROR_INTERNET_SEC_CERT_REV_FAILED:
    "Revocation check failed: Windows could not find out whether the server's certificate has been revoked, because the revocation information was not available.",
  ERROR_INTERNET_SEC_CERT_REVOKED:
    'Certificate revoked: the certificate for the connection has been withdrawn by whoever issued it, so it is not accepted.',
  ERROR_INTERNET_SEC_INVALID_CERT:
    'Invalid certificate: the certificate for the secure connection is not valid.',
  ERROR_INTERNET_SECURITY_CHANNEL_ERROR:
    "Secure channel error: Windows' support for encrypted (TLS) connections failed while the connection to the server was set up.",
  ERROR_HTTP_INVALID_SERVER_RESPONSE:
    'Unreadable answer from the server: the server sent a response that is invalid or not recognised.',
  ERROR_HTTP_HEADER_NOT_FOUND:
    "Header not found: the server's answer did not have an HTTP header the program asked for.",
  ERROR_INTERNET_INTERNAL_ERROR:
    "Internal error: Windows' own web client (WinINet or WinHTTP) hit an internal error.",
  ERROR_INTERNET_INVALID_URL: 'Invalid address: the web address (URL) that was used is not valid.',
  ERROR_INTERNET_OPERATION_CANCELLED:
    'Request cancelled: the web request was cancelled, usually because the program closed it before it finished.',
  ERROR_INTERNET_SERVER_UNREACHABLE:
    'Server unreachable: the web site or server cannot be reached.',
  ERROR_INTERNET_PROXY_SERVER_UNREACHABLE:
    'Proxy unreachable: the proxy server the PC is set to use cannot be reached.',
  ERROR_INTERNET_DISCONNECTED: 'Disconnected: the Internet connection was lost.',
  ERROR_WINHTTP_AUTODETECTION_FAILED:
    'Proxy detection failed: WinHTTP could not find the address of a proxy auto-configuration script on the network.',
  ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT:
    'Proxy script not downloaded: the proxy auto-configuration script could not be downloaded.',
  ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT:
    'Proxy script error: running the proxy auto-configuration script failed.',
  // COM's general HRESULTs.
  E_ACCESSDENIED:
    'Access denied: Windows or an update could not open a file, folder or setting because permission was refused.',
  E_INVALIDARG: 'Invalid argument: a program or update passed a value that is not accepted.',
  E_OUTOFMEMORY: 'Out of memory: not enough memory was free to finish the operation.',
  E_HANDLE: 'Invalid handle: a program used a reference to an object that is not valid.',
  E_FAIL:
    'Unspecified failure: something failed without saying what; where the code appeared, and the log beside it, say more.',
  E_NOTIMPL: 'Not implemented: the component asked does not provide this function.',
  E_NOINTERFACE:
    'No such interface: a program asked a component for a feature it does not offer, which can be a sign of a broken registration or a version mismatch.',
  E_POINTER: 'Invalid pointer: a program passed an empty or bad memory reference (a program bug).',
  E_ABORT: 'Operation aborted: the work was stopped before it finished.',
  E_UNEXPECTED:
    'Unexpected failure (Windows may show it as "Catastrophic failure"): a component hit a situation it did not expect.',
  // NTSTATUS values from the kernel and drivers.
  STATUS_SUCCESS: 'Not an error: the operation finished successfully.',
  STATUS_TIMEOUT: 'Timed out: a wait ended because its time ran out; not a failure by itself.',
  STATUS_PENDING: 'Still in progress: the operation was started and finishes later; not a failure.',
  STATUS_UNSUCCESSFUL:
    'Operation failed: the kernel or a driver reported that the request did not succeed, without saying why.',
  STATUS_INVALID_DEVICE_REQUEST:
    'Invalid device request: the request is not a valid operation for the device or its driver.',
  STATUS_IO_DEVICE_ERROR:
    'Device error: a disk or other device reported an error while reading or writing; a cable, a port or a failing disk can cause it.',
  STATUS_SYSTEM_PROCESS_TERMINATED:
    'A vital Windows process ended unexpectedly, so Windows stopped (a blue screen); damaged system files, a driver or an update can cause it.',
  STATUS_INVALID_IMAGE_HASH:
    "Signature check failed: the hash of a program or driver file is not in Windows' catalogs of signed files, so the file may be damaged or tampered with.",
  STATUS_BREAKPOINT:
    'Breakpoint: a program reached a debugging breakpoint; when it appears in a crash, the program often stopped itself on purpose after an internal check failed.',
  STATUS_BUFFER_OVERFLOW:
    'More data than fitted: only part of the answer was returned; a warning that programs usually handle themselves.',
  STATUS_NOT_IMPLEMENTED: 'Not implemented: the function asked for does not exist here.',
  STATUS_ACCESS_VIOLATION:
    'Access violation: a program crashed because it touched memory it may not use; a fault in that program, an add-in or a driver.',
  STATUS_IN_PAGE_ERROR:
    'Could not read from disk: Windows could not load part of a program or file from the disk, which points at a failing disk, cable or network drive.',
  STATUS_INVALID_HANDLE:
    'Invalid handle: a program used a reference to an object that is closed or not valid.',
  STATUS_INVALID_PARAMETER: 'Invalid parameter: a value passed to Windows is not accepted.',
  STATUS_NO_MEMORY: 'Out of memory: Windows could not give the program the memory it needed.',
  STATUS_ILLEGAL_INSTRUCTION:
    'Illegal instruction: a program tried to run an instruction the processor does not have, a damaged program or one made for another processor.',
  STATUS_ACCESS_DENIED:
    'Access denied: Windows refused access to a file, folder, setting or object because permission is missing.',
  STATUS_BUFFER_TOO_SMALL: 'Buffer too small: a program gave too little room for the answer.',
  STATUS_DISK_CORRUPT_ERROR:
    'Disk damaged: the file system structure on the disk is corrupt; a disk check is needed.',
  STATUS_OBJECT_NAME_NOT_FOUND: 'Not found: the file or object named does not exist.',
  STATUS_OBJECT_PATH_NOT_FOUND: 'Path not found: a folder in the path does not exist.',
  STATUS_SHARING_VIOLATION:
    'File in use: another program has the file open in a way that blocks this use.',
  STATUS_PRIVILEGE_NOT_HELD:
    'Missing privilege: the action needs a right the account does not have.',
  STATUS_LOGON_FAILURE: 'Sign-in failed: the user name or password was not accepted.',
  STATUS_DISK_FULL: 'Disk full: there is not enough free space on the disk.',
  STATUS_INVALID_IMAGE_FORMAT:
    'Bad program file: a program or DLL is damaged or made for another kind of Windows or processor.',
  STATUS_INTEGER_DIVIDE_BY_ZERO:
    'Divide by zero: a program crashed on a division by zero (a program bug).',
  STATUS_INSUFFICIENT_RESOURCES:
    'Not enough system resources: Windows ran out of an internal resource, such as memory for drivers.',
  STATUS_DEVICE_DATA_ERROR:
    'Device data error: a disk or device returned bad data, often a sign of failing hardware.',
  STATUS_IO_TIMEOUT: 'Device timed out: a disk or device did not finish an operation in time.',
  STATUS_NOT_SUPPORTED: 'Not supported: the request is not supported here.',
  STATUS_FILE_CORRUPT_ERROR:
    'File damaged: the file or folder is corrupt and unreadable; a disk check is needed.',
  STATUS_STACK_OVERFLOW:
    'Stack overflow: a program crashed because it used up its stack memory, usually a program bug.',
  STATUS_DLL_NOT_FOUND:
    'DLL not found: a program could not start because a DLL it needs is missing; repairing or reinstalling the program often helps.',
  STATUS_ENTRYPOINT_NOT_FOUND:
    'Entry point not found: a DLL lacks a function the program needs, often a version mismatch after an update.',
  STATUS_DLL_INIT_FAILED: 'A DLL failed to start: a library a program needs failed while starting.',
  STATUS_HEAP_CORRUPTION:
    'Memory corrupted: a program damaged its own memory and Windows stopped it, a fault in that program or an add-in.',
  STATUS_STACK_BUFFER_OVERRUN:
    'Stopped for safety: a program detected that its memory was overrun, or failed a safety check, and stopped itself.',
};
