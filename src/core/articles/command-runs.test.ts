import { describe, expect, it } from 'vitest';
import type { Action } from './schema.js';
import { groupCommandRuns } from './command-runs.js';

const cmd = (command: string, condition?: string): Action =>
  condition === undefined ? { command, shell: 'cmd' } : { command, shell: 'cmd', condition };
const ps = (command: string): Action => ({ command, shell: 'powershell' });
const step = (text: string): Action => ({ step: text });

describe('groupCommandRuns', () => {
  it('joins consecutive commands of one shell into one run, in order', () => {
    expect(
      groupCommandRuns([
        step('Open Command Prompt.'),
        cmd('net stop wuauserv'),
        cmd('net stop bits'),
      ]),
    ).toEqual([
      { kind: 'step', step: 'Open Command Prompt.' },
      { kind: 'commands', shell: 'cmd', commands: ['net stop wuauserv', 'net stop bits'] },
    ]);
  });

  it('breaks a run at a step', () => {
    const groups = groupCommandRuns([cmd('a'), step('Wait.'), cmd('b')]);
    expect(groups.map((g) => g.kind)).toEqual(['commands', 'step', 'commands']);
  });

  it('breaks a run at another shell', () => {
    expect(groupCommandRuns([cmd('sc query bits'), ps('Get-Service bits')])).toEqual([
      { kind: 'commands', shell: 'cmd', commands: ['sc query bits'] },
      { kind: 'commands', shell: 'powershell', commands: ['Get-Service bits'] },
    ]);
  });

  it('keeps a command with a condition out of the commands around it', () => {
    const groups = groupCommandRuns([
      cmd('net stop usosvc', 'On Windows 10 and 11'),
      cmd('net stop wuauserv'),
      cmd('net stop bits'),
    ]);
    expect(groups).toEqual([
      {
        kind: 'commands',
        shell: 'cmd',
        condition: 'On Windows 10 and 11',
        commands: ['net stop usosvc'],
      },
      { kind: 'commands', shell: 'cmd', commands: ['net stop wuauserv', 'net stop bits'] },
    ]);
  });

  it('joins commands that share one condition', () => {
    const groups = groupCommandRuns([cmd('a', 'On Windows 7'), cmd('b', 'On Windows 7')]);
    expect(groups).toEqual([
      { kind: 'commands', shell: 'cmd', condition: 'On Windows 7', commands: ['a', 'b'] },
    ]);
  });

  it('loses no action: every command appears once, in the data order', () => {
    const actions = [cmd('1'), step('s'), cmd('2'), cmd('3'), ps('4'), cmd('5', 'x'), cmd('6')];
    const commands = groupCommandRuns(actions).flatMap((g) =>
      g.kind === 'commands' ? g.commands : [],
    );
    expect(commands).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
