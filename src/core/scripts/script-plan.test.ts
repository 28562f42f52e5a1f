import { describe, expect, it } from 'vitest';
import { planFix, serviceChangeOf } from './script-plan.js';
import type { InlineFix } from '../articles/schema.js';

const fixOf = (commands: string[], risk?: InlineFix['risk']): InlineFix => ({
  id: 'f',
  title: 'F',
  ...(risk ? { risk } : {}),
  actions: commands.map((command) => ({ command, shell: 'cmd' as const })),
});

const commandTexts = (fix: InlineFix) =>
  planFix(fix).steps.flatMap((s) => (s.kind === 'command' ? [s.command] : []));

describe('service changes', () => {
  it.each([
    ['net stop wuauserv', { name: 'wuauserv', want: 'stopped' }],
    ['NET START cryptSvc', { name: 'cryptsvc', want: 'running' }],
    ['sc stop bits', { name: 'bits', want: 'stopped' }],
    ['Stop-Service -Name UsoSvc -Force', { name: 'usosvc', want: 'stopped' }],
    ['Restart-Service -Name BITS', { name: 'bits', want: 'running' }],
  ])('%s', (command, change) => expect(serviceChangeOf(command)).toEqual(change));

  it.each(['net stop wuauserv & net start bits', 'sc query wuauserv', 'net user'])(
    'is not read into %s',
    (command) => expect(serviceChangeOf(command)).toBeUndefined(),
  );
});

describe('the Update Orchestrator is stopped before the Windows Update service', () => {
  it('adds a stop of UsoSvc when the fix has none', () => {
    const steps = planFix(fixOf(['net stop bits', 'net stop wuauserv'])).steps;
    expect(steps.map((s) => (s.kind === 'command' ? s.command : s.text))).toEqual([
      'net stop bits',
      'net stop usosvc',
      'net stop wuauserv',
    ]);
    const added = steps[1];
    expect(added?.kind === 'command' ? added.added : undefined).toContain('UsoSvc');
  });

  it('moves a later stop of UsoSvc up, so it still runs once', () => {
    expect(commandTexts(fixOf(['net stop wuauserv', 'net stop bits', 'net stop usosvc']))).toEqual([
      'net stop usosvc',
      'net stop wuauserv',
      'net stop bits',
    ]);
  });

  it('leaves a fix alone that already stops it first, or never stops wuauserv', () => {
    const first = ['net stop usosvc', 'net stop wuauserv'];
    expect(commandTexts(fixOf(first))).toEqual(first);
    expect(commandTexts(fixOf(['net start wuauserv']))).toEqual(['net start wuauserv']);
  });
});

describe('confirmation', () => {
  it.each([
    ['safe', false],
    ['moderate', true],
    ['destructive', true],
    [undefined, true],
  ] as const)('a %s fix is asked for: %s', (risk, asked) =>
    expect(planFix(fixOf(['sc query bits'], risk)).confirm).toBe(asked),
  );
});
