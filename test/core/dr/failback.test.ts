import { terminalWording } from '../../../src/cli/terminal-wording.js';
import { describe, expect, it } from '@jest/globals';
import {
  dependentsToReapply,
  isVerified,
  NOT_REQUIRED,
  retireGuard,
  verifyRecoveryPoint,
} from '../../../src/core/dr/failback.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { statefulGuard } from '../../../src/core/stateful-guard.js';
import { graphOf } from '../../helpers/graphs.js';
import { manifestWithLayers } from '../../helpers/manifest-text.js';

const moved = { from: 'eu-west-1', to: 'eu-west-2', at: '2026-05-04T06:00:00Z' };

describe('verifyRecoveryPoint', () => {
  it('passes when every recovery point of the returning region is newer than the failover', () => {
    const verification = verifyRecoveryPoint(
      new Map([['prod/eu-west-2/network', '2026-05-04T07:00:00Z']]),
      moved,
      false,
    );
    expect(verification).toEqual({
      required: true,
      movedAt: '2026-05-04T06:00:00Z',
      checks: [{ id: 'prod/eu-west-2/network', value: '2026-05-04T07:00:00Z', problem: null }],
      problem: null,
      overridden: false,
    });
    expect(isVerified(verification)).toBe(true);
  });

  it('fails a recovery point older than the failover, or exactly at it, or not a time, saying which', () => {
    const verification = verifyRecoveryPoint(
      new Map<string, unknown>([
        ['b', '2026-05-04T06:00:00Z'],
        ['a', '2026-05-04T05:59:59Z'],
        ['c', 42],
      ]),
      moved,
      false,
    );
    expect(verification.checks.map((check) => [check.id, check.problem !== null])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    expect(verification.checks[0]!.problem).toBe(
      "the latest recovery point of a (2026-05-04T05:59:59Z) is not newer than the failover to eu-west-1 (2026-05-04T06:00:00Z): the snapshots in eu-west-2 miss every write made in eu-west-1 since; replicate eu-west-1's backups to eu-west-2 and take a new snapshot there",
    );
    expect(verification.checks[2]!.problem).toContain('is 42, not an RFC 3339 time');
    expect(isVerified(verification)).toBe(false);
    // The override lets it go on, and says so.
    const overridden = verifyRecoveryPoint(new Map([['a', '2020-01-01T00:00:00Z']]), moved, true);
    expect(overridden.overridden).toBe(true);
    expect(isVerified(overridden)).toBe(true);
  });

  it('says what is missing: no record with the time traffic moved, or nothing published', () => {
    const noRecord = verifyRecoveryPoint(
      new Map([['a', '2026-05-04T07:00:00Z']]),
      { ...moved, at: null },
      false,
    );
    expect(noRecord.problem).toBe(
      "no failover record in eu-west-1 says when traffic moved there, so nothing shows that eu-west-2's snapshots are newer: the record is written by a failover to eu-west-1",
    );
    expect(isVerified(noRecord)).toBe(false);
    const nothing = verifyRecoveryPoint(new Map(), moved, false);
    expect(nothing.problem).toContain(
      'no instance of eu-west-2 published strata_recovery_point in the promote phase',
    );
    expect(isVerified(nothing)).toBe(false);
  });

  it('has nothing to check when the region made primary held the service', () => {
    expect(isVerified(NOT_REQUIRED)).toBe(true);
  });
});

describe('dependentsToReapply', () => {
  // a-net and b-net are the two regions' networks; peers in each is a fan-in over both; app reads its peers.
  const graph = graphOf({
    'a-net': [],
    'b-net': [],
    'a-peers': ['a-net', 'b-net'],
    'b-peers': ['a-net', 'b-net'],
    'a-app': ['a-peers'],
    'b-app': ['b-peers'],
    stray: ['b-net'],
  });
  const steady = new Set(['a-net', 'b-net', 'a-peers', 'b-peers', 'a-app']);

  it('is every steady-state instance downstream of what was demoted, transitively, but not the demoted', () => {
    expect([...dependentsToReapply(graph, new Set(['b-net', 'b-peers']), steady)].sort()).toEqual([
      'a-app',
      'a-peers',
    ]);
  });

  it('leaves out what the steady state does not keep, and what depends only through it', () => {
    expect([...dependentsToReapply(graph, new Set(['b-net']), new Set(['b-net', 'a-net']))]).toEqual([]);
    expect(dependentsToReapply(graph, new Set(), steady).size).toBe(0);
  });
});

describe('retireGuard', () => {
  const { manifest } = parseManifest(
    manifestWithLayers(`  - { name: db, scope: region, path: db, stateful: true }
  - { name: app, scope: region, path: app }
`),
    'layers.yml',
  );
  const db = { id: 'a/eu-west-1/db', layer: 'db' };
  const app = { id: 'a/eu-west-1/app', layer: 'app' };
  const destroy = [{ address: 'terraform_data.cluster', action: 'delete' }];
  const allowing = statefulGuard(manifest, [db.id], terminalWording.setting);
  const tooOld = verifyRecoveryPoint(new Map([['a/eu-west-2/net', '2026-05-04T05:00:00Z']]), moved, true);
  const passed = verifyRecoveryPoint(new Map([['a/eu-west-2/net', '2026-05-04T07:00:00Z']]), moved, false);

  it('is the stateful guard when the recovery point check passed, or had nothing to check', () => {
    expect(retireGuard(allowing, passed)).toBe(allowing);
    expect(retireGuard(allowing, NOT_REQUIRED)).toBe(allowing);
  });

  it('refuses an allowed stateful destroy when only the override let the failback go on, saying why', () => {
    expect(isVerified(tooOld)).toBe(true);
    const verdict = retireGuard(allowing, tooOld)(db, destroy);
    expect(verdict.accepted).toBe(false);
    expect(verdict.accepted ? '' : verdict.reason).toContain(
      "refusing to retire a/eu-west-1/db: layer 'db' is stateful, and destroying what it holds (terraform_data.cluster (delete)) needs the recovery point check to pass",
    );
    // What is not stateful, or destroys nothing, still passes; a refusal stays the stateful guard's own.
    expect(retireGuard(allowing, tooOld)(app, destroy)).toEqual({ accepted: true, allowed: [] });
    expect(retireGuard(allowing, tooOld)(db, [])).toEqual({ accepted: true, allowed: [] });
    expect(retireGuard(statefulGuard(manifest, [], terminalWording.setting), tooOld)(db, destroy)).toEqual(
      statefulGuard(manifest, [], terminalWording.setting)(db, destroy),
    );
  });
});
