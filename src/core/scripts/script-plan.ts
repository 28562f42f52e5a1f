import type { InlineFix } from '../articles/schema.js';

/**
 * What a fix script does, before it is written as `.cmd` or `.ps1`: the chosen fixes in order,
 * each with its steps (notes to print, commands to run), whether to ask first, and its verify
 * step. Both renderers read this one plan, so the two scripts cannot drift apart.
 */

export type ScriptShell = 'cmd' | 'powershell';

/** A service a command stops or starts, and the state the script waits for afterwards. */
export interface ServiceChange {
  name: string;
  want: 'stopped' | 'running';
}

export type PlannedStep =
  | { kind: 'note'; text: string }
  | {
      kind: 'command';
      shell: ScriptShell;
      command: string;
      /** As the article wrote it ("on Windows 10 and later"): the script asks before running it. */
      condition?: string;
      /** Stop/start commands are judged by the state the service reaches, not by exit code. */
      service?: ServiceChange;
      /** Not in the fix: added by the generator (the Update Orchestrator stopped first). */
      added?: string;
    };

export interface PlannedVerify {
  text: string;
  command?: { shell: ScriptShell; command: string };
}

export interface PlannedFix {
  id: string;
  title: string;
  risk: 'safe' | 'moderate' | 'destructive';
  /** Moderate and destructive fixes (and fixes without a risk) are asked for first. */
  confirm: boolean;
  restart: boolean;
  steps: PlannedStep[];
  verify?: PlannedVerify;
}

export interface ScriptPlan {
  product: string;
  code: string;
  title: string;
  platform?: string;
  fixes: PlannedFix[];
}

export interface PlanInput {
  product: string;
  code: string;
  title: string;
  platform?: string;
  fixes: readonly InlineFix[];
}

/** Seconds a script waits for a service to reach the state asked, before it stops. */
export const SERVICE_TIMEOUT_SECONDS = 60;

const SERVICE_NAME = String.raw`([A-Za-z][\w.-]*)`;
const SERVICE_PATTERNS: readonly { pattern: RegExp; want: ServiceChange['want'] }[] = [
  {
    pattern: new RegExp(String.raw`^net(?:\.exe)?\s+stop\s+"?${SERVICE_NAME}"?\s*$`, 'i'),
    want: 'stopped',
  },
  {
    pattern: new RegExp(String.raw`^net(?:\.exe)?\s+start\s+"?${SERVICE_NAME}"?\s*$`, 'i'),
    want: 'running',
  },
  {
    pattern: new RegExp(String.raw`^sc(?:\.exe)?\s+stop\s+"?${SERVICE_NAME}"?\s*$`, 'i'),
    want: 'stopped',
  },
  {
    pattern: new RegExp(String.raw`^sc(?:\.exe)?\s+start\s+"?${SERVICE_NAME}"?\s*$`, 'i'),
    want: 'running',
  },
  {
    pattern: new RegExp(
      String.raw`^Stop-Service\s+(?:-Name\s+)?'?"?${SERVICE_NAME}'?"?(?:\s+-Force)?\s*$`,
      'i',
    ),
    want: 'stopped',
  },
  {
    pattern: new RegExp(
      String.raw`^(?:Start|Restart)-Service\s+(?:-Name\s+)?'?"?${SERVICE_NAME}'?"?(?:\s+-Force)?\s*$`,
      'i',
    ),
    want: 'running',
  },
];

/** The service a single stop/start command changes, if it is one. */
export function serviceChangeOf(command: string): ServiceChange | undefined {
  const line = command.trim();
  for (const { pattern, want } of SERVICE_PATTERNS) {
    const match = pattern.exec(line);
    if (match?.[1]) return { name: match[1].toLowerCase(), want };
  }
  return undefined;
}

const isStopOf = (step: PlannedStep, name: string): boolean =>
  step.kind === 'command' && step.service?.want === 'stopped' && step.service.name === name;

/**
 * Where a fix stops the Windows Update service, the Update Orchestrator (UsoSvc) is stopped
 * just before it: while UsoSvc runs it starts wuauserv again, which is how resets fail or loop.
 * A later stop of UsoSvc in the same fix moves up (it still runs once); with none, one is added.
 */
function stopOrchestratorFirst(steps: PlannedStep[]): PlannedStep[] {
  const firstWu = steps.findIndex((s) => isStopOf(s, 'wuauserv'));
  if (firstWu < 0) return steps;
  const uso = steps.findIndex((s) => isStopOf(s, 'usosvc'));
  if (uso >= 0 && uso < firstWu) return steps;
  const out = [...steps];
  let orchestrator: PlannedStep;
  if (uso >= 0) {
    orchestrator = out.splice(uso, 1)[0]!;
  } else {
    orchestrator = {
      kind: 'command',
      shell: 'cmd',
      command: 'net stop usosvc',
      service: { name: 'usosvc', want: 'stopped' },
      added:
        'the Update Orchestrator (UsoSvc) starts the Windows Update service again while it runs, so it is stopped first',
    };
  }
  out.splice(firstWu, 0, orchestrator);
  return out;
}

/** One fix as the script runs it. */
export function planFix(fix: InlineFix): PlannedFix {
  const steps: PlannedStep[] = fix.actions.map((action): PlannedStep => {
    if ('step' in action) return { kind: 'note', text: action.step };
    const step: PlannedStep = { kind: 'command', shell: action.shell, command: action.command };
    if (action.condition !== undefined) step.condition = action.condition;
    const service = serviceChangeOf(action.command);
    if (service) step.service = service;
    return step;
  });
  // Editors write `risk` on every shipped fix; one without it is treated as moderate (asked).
  const risk = fix.risk ?? 'moderate';
  const planned: PlannedFix = {
    id: fix.id,
    title: fix.title,
    risk,
    confirm: risk !== 'safe',
    restart: fix.restart === true,
    steps: stopOrchestratorFirst(steps),
  };
  if (fix.verify) {
    planned.verify = { text: fix.verify.text };
    if (fix.verify.command)
      planned.verify.command = {
        shell: fix.verify.command.shell,
        command: fix.verify.command.command,
      };
  }
  return planned;
}

export function planFixScript(input: PlanInput): ScriptPlan {
  const plan: ScriptPlan = {
    product: input.product,
    code: input.code,
    title: input.title,
    fixes: input.fixes.map(planFix),
  };
  if (input.platform !== undefined) plan.platform = input.platform;
  return plan;
}
