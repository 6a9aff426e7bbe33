import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  describeLock,
  formatAge,
  parseGoTime,
  parseLockError,
  plainDiagnosticText,
  type LockInfo,
} from '../../src/terraform/lock-info.js';
import { readFixture } from '../helpers/fixtures.js';
import { terminalWording } from '../../src/cli/terminal-wording.js';
import { actionWording } from '../../src/action/action-wording.js';
import { scratchDir, startProcess } from '../helpers/scratch.js';

const ERRORS = ['terraform', 'errors'];

/** Terraform's lock diagnostic built from its v1.5.7 source (the fixtures), as `-no-color` prints it. */
function lockErrorFromSource(fields: Record<string, string>, backendMessage: string): string {
  const infoTemplate = /tmpl := `([\s\S]*?)`/.exec(
    readFixture(...ERRORS, 'tf-v1.5.7.statemgr-locker.go.L188-198.lock-info-template.txt'),
  )![1]!;
  const info = infoTemplate.replace(/\{\{\.(\w+)\}\}/g, (_, field: string) => fields[field] ?? '');
  const detailTemplate = /LockErrorMessage = `([\s\S]*?)`/.exec(
    readFixture(...ERRORS, 'tf-v1.5.7.clistate-state.go.L22-45.lock-error-detail-template.txt'),
  )![1]!;
  const summary = /"(Error acquiring the state lock)"/.exec(
    readFixture(...ERRORS, 'tf-v1.5.7.clistate-state.go.L128-136.lock-error-summary.txt'),
  )![1]!;
  // statemgr.LockError.Error(): the backend's error, then the holder's LockInfo.String(), joined by "\n".
  const detail = detailTemplate.replace('%s', `${backendMessage}\n${info}`);
  return `\nError: ${summary}\n\n${detail}\n`;
}

const FROM_SOURCE = lockErrorFromSource(
  {
    ID: '9db590f1-b6fe-c5f2-2678-8804f089deba',
    Path: 'acme-tfstate-222222222222-eu-west-2/prod/eu-west-2/network.tfstate',
    Operation: 'OperationTypeApply',
    Who: 'runner@fv-az1234-567',
    Version: '1.5.7',
    Created: '2024-05-02 09:14:03.518231 +0000 UTC',
    Info: 'strata run 42',
  },
  'ConditionalCheckFailedException: The conditional request failed',
);

// Captured from the stand-in (test/stand-in): two plans on one state, the first holding the lock
// (STANDIN_HANG), the second with -lock-timeout=0s. Local backend, -no-color:
const STANDIN_LOCAL =
  '\nError: Error acquiring the state lock\n\nError message: resource temporarily unavailable\nLock Info:\n  ID:        10c6a34b-267f-5c7b-c450-b34dbf98072f\n  Path:      state.tfstate\n  Operation: OperationTypePlan\n  Who:       root@vm\n  Version:   1.13.5\n  Created:   2026-11-25 17:35:59.904936997 +0000 UTC\n  Info:      \n\n\nTerraform acquires a state lock to protect the state from being written\nby multiple users at the same time. Please resolve the issue above and try\nagain. For most commands, you can disable locking with the "-lock=false"\nflag, but this is not recommended.\n';
// S3 with use_lockfile, in colour (no -no-color): the diagnostic is framed and its detail wrapped at 77 columns.
const STANDIN_S3_COLOUR =
  '\u001b[31m╷\u001b[0m\n\u001b[31m│\u001b[0m \u001b[1m\u001b[31mError: \u001b[0m\u001b[1mError acquiring the state lock\u001b[0m\n\u001b[31m│\u001b[0m\n\u001b[31m│\u001b[0m Error message: operation error S3: PutObject, https response error\n\u001b[31m│\u001b[0m StatusCode: 412, RequestID: 5B7AA3FB2CE8D383, HostID:\n\u001b[31m│\u001b[0m ZgNbH7UtTKo5bZQRurXyZ8IFUBcYWlzdxLhOuB5oqaGztJFA0+A5C5FiYKHIZxhoR5uYLPT/2BU8,\n\u001b[31m│\u001b[0m api error PreconditionFailed: At least one of the pre-conditions you\n\u001b[31m│\u001b[0m specified did not hold\n\u001b[31m│\u001b[0m Lock Info:\n\u001b[31m│\u001b[0m   ID:        7f6a5ebd-1abf-b364-6236-fcf366ae22d3\n\u001b[31m│\u001b[0m   Path:      acme-tfstate-222222222222-eu-west-2/prod/eu-west-2/network.tfstate\n\u001b[31m│\u001b[0m   Operation: OperationTypePlan\n\u001b[31m│\u001b[0m   Who:       root@vm\n\u001b[31m│\u001b[0m   Version:   1.13.5\n\u001b[31m│\u001b[0m   Created:   2026-11-25 17:36:11.077446651 +0000 UTC\n\u001b[31m│\u001b[0m   Info:      \n\u001b[31m│\u001b[0m\n\u001b[31m│\u001b[0m\n\u001b[31m│\u001b[0m Terraform acquires a state lock to protect the state from being written\n\u001b[31m│\u001b[0m by multiple users at the same time. Please resolve the issue above and try\n\u001b[31m│\u001b[0m again. For most commands, you can disable locking with the "-lock=false"\n\u001b[31m│\u001b[0m flag, but this is not recommended.\n\u001b[31m╵\u001b[0m\n';
// S3 with dynamodb_table, an apply holding the lock, -no-color.
const STANDIN_DYNAMODB =
  '\nError: Error acquiring the state lock\n\nError message: operation error DynamoDB: PutItem, https response error\nStatusCode: 400, RequestID: 1B335646F689C17B93140B39EA55CBC2C3F2,\nConditionalCheckFailedException: The conditional request failed\nLock Info:\n  ID:        c593a1ee-1709-eb71-86d8-ab4db59665b6\n  Path:      acme-tfstate-222222222222-eu-west-1/prod/eu-west-1/network.tfstate\n  Operation: OperationTypeApply\n  Who:       root@vm\n  Version:   1.13.5\n  Created:   2026-11-25 17:36:30.32917143 +0000 UTC\n  Info:      \n\n\nTerraform acquires a state lock to protect the state from being written\nby multiple users at the same time. Please resolve the issue above and try\nagain. For most commands, you can disable locking with the "-lock=false"\nflag, but this is not recommended.\n';

describe('parseLockError', () => {
  it.each([
    {
      name: "Terraform's source templates, filled in",
      text: FROM_SOURCE,
      expected: {
        id: '9db590f1-b6fe-c5f2-2678-8804f089deba',
        path: 'acme-tfstate-222222222222-eu-west-2/prod/eu-west-2/network.tfstate',
        operation: 'OperationTypeApply',
        who: 'runner@fv-az1234-567',
        version: '1.5.7',
        createdText: '2024-05-02 09:14:03.518231 +0000 UTC',
        createdAt: new Date('2024-05-02T09:14:03.518Z'),
        info: 'strata run 42',
        message: 'ConditionalCheckFailedException: The conditional request failed',
      },
    },
    {
      name: 'the stand-in, local backend',
      text: STANDIN_LOCAL,
      expected: {
        id: '10c6a34b-267f-5c7b-c450-b34dbf98072f',
        path: 'state.tfstate',
        operation: 'OperationTypePlan',
        who: 'root@vm',
        version: '1.13.5',
        createdText: '2026-11-25 17:35:59.904936997 +0000 UTC',
        createdAt: new Date('2026-11-25T17:35:59.904Z'),
        info: '',
        message: 'resource temporarily unavailable',
      },
    },
    {
      name: 'the stand-in, S3 lock file, in colour and wrapped',
      text: STANDIN_S3_COLOUR,
      expected: {
        id: '7f6a5ebd-1abf-b364-6236-fcf366ae22d3',
        path: 'acme-tfstate-222222222222-eu-west-2/prod/eu-west-2/network.tfstate',
        operation: 'OperationTypePlan',
        who: 'root@vm',
        version: '1.13.5',
        createdText: '2026-11-25 17:36:11.077446651 +0000 UTC',
        createdAt: new Date('2026-11-25T17:36:11.077Z'),
        info: '',
        message:
          'operation error S3: PutObject, https response error StatusCode: 412, RequestID: 5B7AA3FB2CE8D383, HostID: ZgNbH7UtTKo5bZQRurXyZ8IFUBcYWlzdxLhOuB5oqaGztJFA0+A5C5FiYKHIZxhoR5uYLPT/2BU8, api error PreconditionFailed: At least one of the pre-conditions you specified did not hold',
      },
    },
    {
      name: 'the stand-in, DynamoDB lock table, an apply holding it',
      text: STANDIN_DYNAMODB,
      expected: {
        id: 'c593a1ee-1709-eb71-86d8-ab4db59665b6',
        path: 'acme-tfstate-222222222222-eu-west-1/prod/eu-west-1/network.tfstate',
        operation: 'OperationTypeApply',
        who: 'root@vm',
        version: '1.13.5',
        createdText: '2026-11-25 17:36:30.32917143 +0000 UTC',
        createdAt: new Date('2026-11-25T17:36:30.329Z'),
        info: '',
        message:
          'operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: 1B335646F689C17B93140B39EA55CBC2C3F2, ConditionalCheckFailedException: The conditional request failed',
      },
    },
  ])('reads every field: $name', ({ text, expected }) => {
    expect(parseLockError(text)).toEqual(expected);
  });

  it('finds the error inside a longer log, with Windows line ends', () => {
    const log = `Acquiring state lock. This may take a few moments...\r\n${STANDIN_LOCAL.replace(/\n/g, '\r\n')}`;
    expect(parseLockError(log)?.id).toBe('10c6a34b-267f-5c7b-c450-b34dbf98072f');
    expect(parseLockError(log)?.createdText).toBe('2026-11-25 17:35:59.904936997 +0000 UTC');
  });

  it('reads the older "Error locking state: Error acquiring the state lock: …" form', () => {
    const old =
      'Error: Error locking state: Error acquiring the state lock: ConditionalCheckFailedException: The conditional request failed\n\tstatus code: 400, request id: 8N2PA1\nLock Info:\n  ID:        2b8c6a4e-1b1e-47c8-9a26-1b1f0f6b2c11\n  Path:      tfstate/prod/terraform.tfstate\n  Operation: OperationTypeApply\n  Who:       alice@laptop\n  Version:   0.12.31\n  Created:   2021-03-04 10:11:12.123456789 +0100 CET\n  Info:      \n';
    const info = parseLockError(old);
    expect(info?.who).toBe('alice@laptop');
    expect(info?.createdAt?.toISOString()).toBe('2021-03-04T09:11:12.123Z');
  });

  it.each([
    { name: 'an empty text', text: '' },
    {
      name: 'a stale plan',
      text: '\nError: Saved plan is stale\n\nThe given plan file can no longer be applied.\n',
    },
    {
      name: 'a lock error with no Lock Info (the lock could not be tried)',
      text: '\nError: Error acquiring the state lock\n\nError message: operation error S3: PutObject, dial tcp: lookup s3.eu-west-2.amazonaws.com: no such host\n',
    },
    {
      name: 'a Lock Info block under another error',
      text: '\nError: Error releasing the state lock\n\nLock Info:\n  ID:        x\n',
    },
    {
      name: 'a Lock Info header with no fields under it',
      text: '\nError: Error acquiring the state lock\n\nLock Info:\n\nsomething else\n',
    },
  ])('is undefined for $name', ({ text }) => {
    expect(parseLockError(text)).toBeUndefined();
  });

  it('stops at the end of the block and keeps the first of a repeated field', () => {
    const text = `${STANDIN_LOCAL}\nLater output\n  ID:        another-id\n`;
    expect(parseLockError(text)?.id).toBe('10c6a34b-267f-5c7b-c450-b34dbf98072f');
  });
});

describe('plainDiagnosticText', () => {
  it('removes colour codes and the frame and keeps the lines', () => {
    const plain = plainDiagnosticText(STANDIN_S3_COLOUR);
    expect(plain).not.toMatch(/\[3[01]m|│|╷|╵/);
    expect(plain).not.toContain('\u001b');
    expect(plain.split('\n')).toContain('Error: Error acquiring the state lock');
    expect(plain.split('\n')).toContain('  ID:        7f6a5ebd-1abf-b364-6236-fcf366ae22d3');
  });
});

describe('parseGoTime', () => {
  it.each([
    ['2026-11-25 17:35:59.904936997 +0000 UTC', '2026-11-25T17:35:59.904Z'],
    ['2024-05-02 09:14:03 +0000 UTC', '2024-05-02T09:14:03.000Z'],
    ['2024-05-02 09:14:03.5 +0000 UTC', '2024-05-02T09:14:03.500Z'],
    ['2021-03-04 10:11:12.123456789 +0100 CET', '2021-03-04T09:11:12.123Z'],
    ['2024-07-01 02:00:00 -0700 PDT', '2024-07-01T09:00:00.000Z'],
    ['2024-07-01 14:30:00 +0530 +0530', '2024-07-01T09:00:00.000Z'],
    ['2024-07-01 09:00:00.25 +0000 UTC m=+0.014872001', '2024-07-01T09:00:00.250Z'],
    ['2024-07-01T09:00:00.123456Z', '2024-07-01T09:00:00.123Z'],
    ['2024-07-01T11:00:00+02:00', '2024-07-01T09:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseGoTime(text)?.toISOString()).toBe(iso);
  });

  it.each(['', '1', 'yesterday', '2024-13-45 99:99:99 +0000 UTC', '2024-05-02 09:14 +0000 UTC'])(
    'refuses %j',
    (text) => {
      expect(parseGoTime(text)).toBeNull();
    },
  );
});

describe('formatAge', () => {
  it.each([
    [0, '0s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [14 * 60_000 + 59_000, '14m'],
    [3_600_000, '1h'],
    [2 * 3_600_000 + 14 * 60_000 + 30_000, '2h 14m'],
    [24 * 3_600_000, '1d'],
    [3 * 24 * 3_600_000 + 4 * 3_600_000 + 59 * 60_000, '3d 4h'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('describeLock', () => {
  const context = {
    instanceId: 'prod/eu-west-2/network',
    layerPath: 'terraform/region/network',
    command: terminalWording.command,
  };
  const info = parseLockError(FROM_SOURCE)!;
  const now = new Date('2024-05-02T11:28:30Z'); // 2h 14m 26s after the lock was taken

  it('says who holds the lock, for what, since when, and how to release a stale one', () => {
    expect(describeLock(info, now, context)).toBe(
      [
        'The state of prod/eu-west-2/network is locked by runner@fv-az1234-567 for an apply (or destroy) (version 1.5.7) since 2024-05-02 09:14 UTC, for 2h 14m.',
        '  State:   acme-tfstate-222222222222-eu-west-2/prod/eu-west-2/network.tfstate',
        '  Lock ID: 9db590f1-b6fe-c5f2-2678-8804f089deba',
        '  Note:    strata run 42',
        'If that run is still going, let it finish and run again; a longer terraform.lock_timeout in the manifest makes Strata wait for it.',
        "If the lock is stale (its run was killed or its runner lost), first make sure no run is still going: no workflow run or terminal working on prod/eu-west-2/network. Then release it by hand: in terraform/region/network, with prod/eu-west-2/network's backend initialised (terraform init -reconfigure with its backend settings; 'strata graph --format json' lists them), run:",
        '  terraform force-unlock 9db590f1-b6fe-c5f2-2678-8804f089deba',
        'Strata never force-unlocks by itself: removing a lock that a live run holds lets two runs write the same state.',
      ].join('\n'),
    );
  });

  it("names the graph that lists the backend settings in the words of the surface: the action's input", () => {
    const message = describeLock(info, now, { ...context, command: actionWording.command });
    expect(message).toContain(
      "(terraform init -reconfigure with its backend settings; 'command: graph' lists them)",
    );
    expect(message).not.toContain('strata graph');
  });

  it('names a plan, and leaves out the empty Info', () => {
    const local = parseLockError(STANDIN_LOCAL)!;
    const message = describeLock(local, new Date('2026-11-25T17:36:41Z'), context);
    expect(message).toContain(
      'locked by root@vm for a plan (version 1.13.5) since 2026-11-25 17:35 UTC, for 41s.',
    );
    expect(message).toContain('  terraform force-unlock 10c6a34b-267f-5c7b-c450-b34dbf98072f');
    expect(message).not.toContain('Note:');
  });

  it('names an operation it does not know by its own name', () => {
    const message = describeLock({ ...info, operation: 'init' }, now, context);
    expect(message).toContain("for 'init' (version 1.5.7)");
  });

  it('does not invent an age for a lock from the future or an unreadable time', () => {
    const future = describeLock(info, new Date('2024-05-02T09:00:00Z'), context);
    expect(future).toContain(
      "since 2024-05-02 09:14 UTC (later than this machine's clock, so its age is unknown).",
    );
    const skewed = describeLock(info, new Date('2024-05-02T09:13:30Z'), context);
    expect(skewed).toContain('since 2024-05-02 09:14 UTC, for 0s.');
    const unreadable = describeLock({ ...info, createdText: 'soon', createdAt: null }, now, context);
    expect(unreadable).toContain('(version 1.5.7) since soon.');
    const none = describeLock({ ...info, createdText: '', createdAt: null }, now, context);
    expect(none).toContain('(version 1.5.7).\n');
  });

  it('still says how to find and release a lock whose record could not be read', () => {
    const blank: LockInfo = {
      id: '',
      path: '',
      operation: '',
      who: '',
      version: '',
      createdText: '',
      createdAt: null,
      info: '',
      message: '',
    };
    const message = describeLock(blank, now, context);
    expect(message).toContain('locked by an unknown holder for an unnamed operation.');
    expect(message).toContain('  terraform force-unlock <LOCK_ID>');
    expect(message).toContain('its ID is unknown');
    expect(message).toContain('Strata never force-unlocks by itself');
  });
});

describe('against the running stand-in', () => {
  const standIn = path.resolve('test/stand-in/terraform');
  let directory: string;

  beforeAll(() => {
    directory = scratchDir('strata-lock-info-');
    copyFileSync(
      path.resolve('examples/multi-region/terraform/global/dns/main.tf'),
      path.join(directory, 'main.tf'),
    );
  });

  function terraform(args: string[], env: NodeJS.ProcessEnv = {}) {
    const child = startProcess(standIn, args, {
      cwd: directory,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TF_IN_AUTOMATION: '1', ...env },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.resume();
    const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, stderr })),
    );
    return { child, done };
  }

  it('reads the holder of a lock that a second plan runs into', async () => {
    expect(
      (await terraform(['init', '-input=false', '-no-color', '-backend-config=path=state.tfstate']).done)
        .code,
    ).toBe(0);
    const holder = terraform(['plan', '-input=false', '-no-color'], { STANDIN_HANG: 'plan:*' });
    try {
      const lockFile = path.join(directory, '.state.tfstate.lock.info');
      for (let waited = 0; !existsSync(lockFile); waited += 50) {
        if (waited > 10_000) throw new Error('the first plan never took the lock');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const blocked = await terraform(['plan', '-input=false', '-no-color', '-lock-timeout=0s']).done;
      expect(blocked.code).toBe(1);
      const before = Date.now();
      const info = parseLockError(blocked.stderr);
      expect(info).toMatchObject({
        path: 'state.tfstate',
        operation: 'OperationTypePlan',
        version: '1.13.5',
      });
      expect(info!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(info!.who).toMatch(/.@./);
      expect(Math.abs(info!.createdAt!.getTime() - before)).toBeLessThan(60_000);
      expect(
        describeLock(info!, new Date(), {
          instanceId: 'dns',
          layerPath: 'terraform/global/dns',
          command: terminalWording.command,
        }),
      ).toContain(`terraform force-unlock ${info!.id}`);
    } finally {
      holder.child.kill('SIGINT');
      await holder.done;
    }
  });
});
