import { describe, expect, it } from '@jest/globals';
import {
  judgeFailoverGuard,
  regionsToRead,
  type RecordReading,
} from '../../../src/core/dr/failover-guard.js';
import { RefusalError, UsageError } from '../../../src/core/errors.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { renderFailoverGuardNote } from '../../../src/core/render/failover-guard-note.js';
import type { RunResult } from '../../../src/core/run-result.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

const parsed = parseManifest(EXAMPLE_MANIFEST, 'layers.yml');
const { manifest } = parsed;
const graph = expandManifest(parsed);
const ids = (match: (id: string) => boolean) => graph.instances.map((i) => i.id).filter(match);

describe('regionsToRead', () => {
  it.each([
    ['every instance', () => true, ['eu-west-2', 'eu-west-1']],
    [
      'the primary network (it would become secondary)',
      (id: string) => id === 'prod/eu-west-2/network',
      ['eu-west-2', 'eu-west-1'],
    ],
    [
      'the secondary network (it would become primary)',
      (id: string) => id === 'prod/eu-west-1/network',
      ['eu-west-2', 'eu-west-1'],
    ],
    ['account IAM (no role, no region upstreams)', (id: string) => id.endsWith('/iam'), ['eu-west-2']],
  ])('%s', (_, match, regions) => {
    expect(regionsToRead(parsed, graph, ids(match))).toEqual(regions);
  });
});

describe('judgeFailoverGuard', () => {
  const readings = (entries: [string, RecordReading][]) => new Map(entries);
  const unreadable: RecordReading = { kind: 'unreadable', reason: 'Error: connection refused' };

  it('passes with no records, and over an unreadable primary record', () => {
    expect(
      judgeFailoverGuard(
        manifest,
        readings([
          ['eu-west-2', unreadable],
          ['eu-west-1', { kind: 'none' }],
        ]),
        [],
        graph.instances,
      ),
    ).toBeUndefined();
  });

  it('refuses an unreadable secondary record unless the override names it, and reports the override', () => {
    expect(() =>
      judgeFailoverGuard(manifest, readings([['eu-west-1', unreadable]]), [], graph.instances),
    ).toThrow(RefusalError);
    expect(() =>
      judgeFailoverGuard(manifest, readings([['eu-west-1', unreadable]]), ['eu-west-2'], graph.instances),
    ).toThrow(RefusalError);
    expect(
      judgeFailoverGuard(manifest, readings([['eu-west-1', unreadable]]), ['eu-west-1'], graph.instances),
    ).toEqual({
      ignoredRecords: [{ region: 'eu-west-1', reason: 'Error: connection refused' }],
    });
  });

  it('a record read refuses whatever the override; a record naming the primary itself does not', () => {
    const pending: RecordReading = {
      kind: 'record',
      record: { from: 'eu-west-2', to: 'eu-west-1', at: 't', status: 'pending' },
    };
    expect(() =>
      judgeFailoverGuard(manifest, readings([['eu-west-1', pending]]), ['eu-west-1'], graph.instances),
    ).toThrow(UsageError);
    const swapped: RecordReading = {
      kind: 'record',
      record: { from: 'eu-west-1', to: 'eu-west-2', at: 't' },
    };
    expect(
      judgeFailoverGuard(manifest, readings([['eu-west-2', swapped]]), [], graph.instances),
    ).toBeUndefined();
  });
});

describe('judgeFailoverGuard after a failover, the roles swapped, the old primary down', () => {
  const swappedManifest = parseManifest(
    EXAMPLE_MANIFEST.replace('eu-west-2: { role: primary }', 'eu-west-2: { role: secondary }').replace(
      'eu-west-1: { role: secondary }',
      'eu-west-1: { role: primary }',
    ),
    'layers.yml',
  ).manifest;
  const readings = (entries: [string, RecordReading][]) => new Map(entries);
  const down: RecordReading = { kind: 'unreadable', reason: 'Error: connection refused' };
  const inEffect = (from: string, to: string, extra = {}): RecordReading => ({
    kind: 'record',
    record: { from, to, at: '2026-12-01T10:00:00Z', ...extra },
  });

  it('the record in effect in the new primary proves the failed region holds none: the run goes ahead, and says why', () => {
    const report = judgeFailoverGuard(
      swappedManifest,
      readings([
        ['eu-west-1', inEffect('eu-west-2', 'eu-west-1')],
        ['eu-west-2', down],
      ]),
      [],
      graph.instances,
    );
    expect(report).toEqual({
      ignoredRecords: [],
      provenEmpty: [
        {
          region: 'eu-west-2',
          reason: 'Error: connection refused',
          proof: expect.stringContaining(
            'the record in effect in eu-west-1 says eu-west-2 failed over to eu-west-1',
          ),
        },
      ],
    });
    expect(renderFailoverGuardNote({ failoverGuard: report } as RunResult)).toContain(
      'Failover record of eu-west-2 not needed',
    );
  });

  const cases: [string, RecordReading, typeof RefusalError | typeof UsageError][] = [
    ['no record in the primary', { kind: 'none' }, RefusalError],
    ['the primary unreadable too', down, RefusalError],
    // The hold itself refuses, as bad input.
    ['a pending hold in the primary', inEffect('eu-west-2', 'eu-west-1', { status: 'pending' }), UsageError],
    ['a failback record', inEffect('eu-west-2', 'eu-west-1', { mode: 'failback' }), RefusalError],
    ['a record of another failed region', inEffect('us-east-1', 'eu-west-1'), RefusalError],
  ];
  it.each(cases)('proves nothing with %s: the run is refused', (_, primaryReading, refusal) => {
    const judge = () =>
      judgeFailoverGuard(
        swappedManifest,
        readings([
          ['eu-west-1', primaryReading],
          ['eu-west-2', down],
        ]),
        [],
        graph.instances,
      );
    expect(judge).toThrow(refusal);
    if (refusal === RefusalError) expect(judge).toThrow('the failover record in eu-west-2 cannot be read');
  });
});

describe('the guard of a failover of one account or environment', () => {
  const readings = (entries: [string, RecordReading][]) => new Map(entries);
  const devRecord = (extra = {}): RecordReading => ({
    kind: 'record',
    record: { from: 'eu-west-2', to: 'eu-west-1', at: 't', scope: ['dev'], ...extra },
  });
  const of = (prefix: string) => graph.instances.filter((instance) => instance.id.startsWith(prefix));
  const devMoved = parseManifest(
    EXAMPLE_MANIFEST.replace('    ephemeral: true\n', '    ephemeral: true\n    primary_region: eu-west-1\n'),
    'layers.yml',
  );

  it('holds back runs of that scope only: pending, or in effect with the manifest behind', () => {
    for (const reading of [devRecord(), devRecord({ status: 'pending' })]) {
      expect(
        judgeFailoverGuard(manifest, readings([['eu-west-1', reading]]), [], of('prod/')),
      ).toBeUndefined();
      expect(judgeFailoverGuard(manifest, readings([['eu-west-1', reading]]), [], of('dns'))).toBeUndefined();
      expect(() => judgeFailoverGuard(manifest, readings([['eu-west-1', reading]]), [], of('dev/'))).toThrow(
        UsageError,
      );
    }
    expect(() =>
      judgeFailoverGuard(manifest, readings([['eu-west-1', devRecord()]]), [], of('dev/')),
    ).toThrow(
      'A failover of dev from eu-west-2 to eu-west-1 is in effect (recorded t), but layers.yml still names eu-west-2 as the primary of dev/',
    );
  });

  it('passes runs of the scope once the manifest names the target as its primary', () => {
    const moved = expandManifest(devMoved);
    const dev = moved.instances.filter((instance) => instance.id.startsWith('dev/'));
    expect(
      judgeFailoverGuard(devMoved.manifest, readings([['eu-west-1', devRecord()]]), [], dev),
    ).toBeUndefined();
  });

  it("an environment record governs that environment, not its account's other layers", () => {
    const staging: RecordReading = {
      kind: 'record',
      record: { from: 'eu-west-2', to: 'eu-west-1', at: 't', scope: ['prod/staging'] },
    };
    expect(
      judgeFailoverGuard(manifest, readings([['eu-west-1', staging]]), [], of('prod/eu-west-2/production')),
    ).toBeUndefined();
    expect(
      judgeFailoverGuard(manifest, readings([['eu-west-1', staging]]), [], of('prod/eu-west-1/network')),
    ).toBeUndefined();
    expect(() =>
      judgeFailoverGuard(manifest, readings([['eu-west-1', staging]]), [], of('prod/eu-west-2/staging')),
    ).toThrow(UsageError);
  });

  it('an unreadable record still refuses, whatever the scope (it cannot be told)', () => {
    const down: RecordReading = { kind: 'unreadable', reason: 'Error: connection refused' };
    expect(() => judgeFailoverGuard(manifest, readings([['eu-west-1', down]]), [], of('prod/'))).toThrow(
      RefusalError,
    );
  });

  it("reads every region a move of the selection's account or environment alone could change it in", () => {
    const three = parseManifest(
      EXAMPLE_MANIFEST.replace(
        '  eu-west-1: { role: secondary }\n',
        '  eu-west-1: { role: secondary }\n  us-east-1: { role: secondary }\n',
      ).replace(
        '    regions: [eu-west-2, eu-west-1]\n    environments: [dev]\n    ephemeral: true\n',
        '    regions: [eu-west-2, eu-west-1, us-east-1]\n    environments: [dev]\n    ephemeral: true\n    primary_region: eu-west-1\n',
      ),
      'layers.yml',
    );
    const threeGraph = expandManifest(three);
    // dev's primary is eu-west-1: swapping the region roles to us-east-1 changes nothing of dev's, but a failover
    // of dev alone to us-east-1 would (its instances there become primary), so its record is read.
    expect(regionsToRead(three, threeGraph, ['dev/us-east-1/network'])).toEqual(['eu-west-2', 'us-east-1']);
    expect(regionsToRead(three, threeGraph, ['dev/iam'])).toEqual(['eu-west-2']);
  });
});

describe('renderFailoverGuardNote', () => {
  it('says nothing without the override, and names each record passed over with it', () => {
    const run = {
      failoverGuard: { ignoredRecords: [{ region: 'eu-west-1', reason: 'Error: connection refused' }] },
    };
    expect(renderFailoverGuardNote({} as RunResult)).toBe('');
    expect(renderFailoverGuardNote(run as RunResult)).toContain(
      'this run went ahead without reading the failover record of eu-west-1 (Error: connection refused)',
    );
  });

  it("notes a legacy record it ignored, as a note, not the override's warning", () => {
    const note = 'The failover record at the legacy key (strata/failover-record) in eu-west-1 is a copy';
    const run: Pick<RunResult, 'failoverGuard'> = { failoverGuard: { ignoredRecords: [], notes: [note] } };
    const text = renderFailoverGuardNote(run as RunResult);
    expect(text).toBe(`> [!NOTE]\n> ${note}\n\n`);
  });
});
