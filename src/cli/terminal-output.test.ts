import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { terminalOutput } from './terminal-output.js';

function capture(stderrIsTerminal: boolean): { io: CliIo; stderr: string[] } {
  const stderr: string[] = [];
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (text) => stderr.push(text),
    env: {},
    cwd: '/',
    stderrIsTerminal,
  };
  return { io, stderr };
}

describe('terminalOutput(io).status: the progress line', () => {
  it('on a terminal: overwrites its line, with the text escaped, and clears it', () => {
    const { io, stderr } = capture(true);
    const print = terminalOutput(io);
    print.status('reading CBS\x1b[2J.log: 1.0 MiB');
    print.status(undefined);
    expect(stderr).toEqual(['\r\x1b[Kreading CBS\\x1b[2J.log: 1.0 MiB', '\r\x1b[K']);
  });

  it('in a pipe or a file: writes nothing at all', () => {
    const { io, stderr } = capture(false);
    const print = terminalOutput(io);
    print.status('reading CBS.log: 1.0 MiB');
    print.status(undefined);
    expect(stderr).toEqual([]);
  });
});

describe('terminalOutput(io).script: a generated script as made', () => {
  const printed = (text: string): string[] => {
    const out: string[] = [];
    terminalOutput({
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      env: {},
      cwd: '/',
    }).script(text);
    return out;
  };

  it('prints ASCII with its CRLF line ends unchanged', () => {
    expect(printed('@echo off\r\necho ^> net stop bits\r\n')).toEqual([
      '@echo off\r\necho ^> net stop bits\r\n',
    ]);
  });

  it.each(['\x1b[31m', 'caf\u00e9', '\u202e'])('refuses %j rather than print it', (bad) => {
    expect(() => printed(`echo ${bad}\r\n`)).toThrow('printable ASCII');
  });
});

describe('terminalOutput(io).redraw: a menu drawn over itself', () => {
  it('draws lines, then goes up over them and erases below before drawing again, text escaped', () => {
    const out: string[] = [];
    const print = terminalOutput({
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      env: {},
      cwd: '/',
    });
    print.redraw(['Did it work?', '> 1. Fixed\x1b[2J'], 0);
    print.redraw(['Did it work? Fixed'], 2);
    expect(out).toEqual([
      'Did it work?\n> 1. Fixed\\x1b[2J\n',
      '\x1b[2A\r\x1b[JDid it work? Fixed\n',
    ]);
  });
});
