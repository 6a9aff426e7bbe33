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
      ),
    ).toBeUndefined();
  });

  it('refuses an unreadable secondary record unless the override names it, and reports the override', () => {
    expect(() => judgeFailoverGuard(manifest, readings([['eu-west-1', unreadable]]), [])).toThrow(
      RefusalError,
    );
    expect(() => judgeFailoverGuard(manifest, readings([['eu-west-1', unreadable]]), ['eu-west-2'])).toThrow(
      RefusalError,
    );
    expect(judgeFailoverGuard(manifest, readings([['eu-west-1', unreadable]]), ['eu-west-1'])).toEqual({
      ignoredRecords: [{ region: 'eu-west-1', reason: 'Error: connection refused' }],
    });
  });

  it('a record read refuses whatever the override; a record naming the primary itself does not', () => {
    const pending: RecordReading = {
      kind: 'record',
      record: { from: 'eu-west-2', to: 'eu-west-1', at: 't', status: 'pending' },
    };
    expect(() => judgeFailoverGuard(manifest, readings([['eu-west-1', pending]]), ['eu-west-1'])).toThrow(
      UsageError,
    );
    const swapped: RecordReading = {
      kind: 'record',
      record: { from: 'eu-west-1', to: 'eu-west-2', at: 't' },
    };
    expect(judgeFailoverGuard(manifest, readings([['eu-west-2', swapped]]), [])).toBeUndefined();
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
});
