import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SIZES, writeEstate } from '../../bench/synthetic-estate.js';
import { node24 } from '../helpers/node24.js';
import { runCli, runCliIntoFiles } from '../helpers/run-dist.js';
import { scratchDir, startProcess } from '../helpers/scratch.js';

const EXAMPLE = 'examples/multi-region/layers.yml';

interface GraphJson {
  nodes: { id: string; dependsOn: string[]; backend: { type: string; config: Record<string, unknown> } }[];
  waves: string[][];
}

describe('strata graph (dist/cli.js on Node 24)', () => {
  it('prints the example in waves for people', () => {
    const result = runCli(['graph', '--manifest', EXAMPLE]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${EXAMPLE}: 15 instances in 3 waves`);
    expect(result.stdout).toMatch(
      /wave 2\n {2}dev\/eu-west-1\/network +region +terraform\/region\/network {2}after dev\/iam\n/,
    );
  });

  it('prints nodes, edges, backends and waves as JSON', () => {
    const result = runCli(['graph', '--manifest', EXAMPLE, '--format', 'json']);
    expect(result.status).toBe(0);
    const graph = JSON.parse(result.stdout) as GraphJson;
    expect(graph.nodes).toHaveLength(15);
    const app = graph.nodes.find((node) => node.id === 'prod/eu-west-2/staging/app')!;
    expect(app).toEqual({
      id: 'prod/eu-west-2/staging/app',
      layer: 'app',
      scope: 'environment',
      account: 'prod',
      accountId: '222222222222',
      region: 'eu-west-2',
      environment: 'staging',
      role: 'primary',
      path: 'terraform/environment/app',
      dependsOn: ['dns', 'prod/eu-west-2/network'],
      backend: {
        type: 'local',
        config: { path: '../../../state/eu-west-2/prod/eu-west-2/staging/app.tfstate' },
      },
    });
    expect(graph.nodes.find((node) => node.id === 'dns')).toMatchObject({
      account: null,
      region: null,
      environment: null,
    });
    expect(graph.waves[0]).toEqual(['dev/iam', 'dns', 'prod/iam']);
  });

  it('selects by flags, keeping comma-separated and repeated values', () => {
    const result = runCli([
      'graph',
      '--manifest',
      EXAMPLE,
      '--format',
      'json',
      '--region',
      'eu-west-2',
      '--layer',
      'app,network',
    ]);
    const graph = JSON.parse(result.stdout) as GraphJson;
    expect(graph.nodes.map((node) => node.id).sort()).toEqual([
      'dev/eu-west-2/dev/app',
      'dev/eu-west-2/network',
      'prod/eu-west-2/network',
      'prod/eu-west-2/production/app',
      'prod/eu-west-2/sandbox/app',
      'prod/eu-west-2/staging/app',
    ]);
    expect(graph.nodes.find((node) => node.id === 'dev/eu-west-2/dev/app')!.dependsOn).toEqual([
      'dev/eu-west-2/network',
    ]);
  });

  it('leaves out what the DR strategy keeps out of secondary regions until a failover', () => {
    const result = runCli(['graph', '--manifest', EXAMPLE, '--format', 'json', '--region', 'eu-west-1']);
    const graph = JSON.parse(result.stdout) as GraphJson;
    expect(graph.nodes.map((node) => node.id).sort()).toEqual([
      'dev/eu-west-1/data',
      'dev/eu-west-1/network',
      'prod/eu-west-1/data',
      'prod/eu-west-1/network',
    ]);
  });

  it('selects what changed files affect, plus dependents', () => {
    const dir = scratchDir('strata-changes-');
    const list = path.join(dir, 'changed.txt');
    writeFileSync(list, 'examples/multi-region/terraform/region/network/main.tf\nREADME.md\n');
    const result = runCli([
      'graph',
      '--manifest',
      EXAMPLE,
      '--format',
      'json',
      '--changed-files',
      list,
      '--account',
      'dev',
    ]);
    const graph = JSON.parse(result.stdout) as GraphJson;
    expect(graph.waves).toEqual([
      ['dev/eu-west-1/network', 'dev/eu-west-2/network'],
      ['dev/eu-west-1/data', 'dev/eu-west-2/data', 'dev/eu-west-2/dev/app'],
    ]);
  });

  it('prints a Mermaid flowchart', () => {
    const result = runCli(['graph', '--manifest', EXAMPLE, '--format', 'mermaid']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(result.stdout).toContain('subgraph account_prod["prod"]');
    expect(result.stdout.match(/ --> /g)).toHaveLength(16);
  });

  it('explains itself with --help', () => {
    const top = runCli(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('graph ');
    const graph = runCli(['graph', '--help']);
    expect(graph.status).toBe(0);
    expect(graph.stdout).toContain('--changed-files F');
  });

  it('reports manifest problems as file:line:column, exit code 2, no stack trace', () => {
    const dir = scratchDir('strata-bad-');
    const file = path.join(dir, 'layers.yml');
    writeFileSync(
      file,
      'version: 1\nbackend: { type: local, config: { path: "{id}" }, global_region: r1 }\nregions: { r1: { role: primary } }\naccounts: { a: { id: "1", regions: [r1], environments: [] } }\nlayers:\n  - { name: x, scope: galaxy, path: x }\n',
    );
    const result = runCli(['graph', '--manifest', file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `${file}:6:23: layers[0].scope: must be one of "global", "account", "region", "environment", got "galaxy"`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['graph', '--manifest', 'nope.yml'], "Manifest 'nope.yml' not found"],
    [
      ['graph', '--manifest', EXAMPLE, '--format', 'xml'],
      "--format must be one of text, json, mermaid, got 'xml'",
    ],
    [['graph', '--manifest', EXAMPLE, '--colour'], "Unknown option '--colour'"],
    [
      ['graph', '--manifest', EXAMPLE, '--region', 'eu-west-9'],
      "--region: unknown region 'eu-west-9' (did you mean 'eu-west-2'?)",
    ],
    [['grpah'], "unknown command 'grpah'"],
  ])('refuses bad usage %j with exit code 2', (args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each(['json', 'text'])(
    'stops quietly when the reader of its output goes away (graph --format %s | head -1)',
    async (format) => {
      // The 1k estate's graph is far more than a pipe holds, so the CLI is still writing when the pipe closes.
      const manifest = writeEstate(scratchDir('strata-epipe-'), SIZES[0]!, 'warm_standby');
      const child = startProcess(
        node24(),
        [path.resolve('dist/cli.js'), 'graph', '--manifest', manifest, '--format', format],
        {},
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      let firstChunk = '';
      child.stdout.setEncoding('utf8').once('data', (chunk: string) => {
        firstChunk = chunk;
        child.stdout.destroy();
      });
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(firstChunk.length).toBeGreaterThan(0);
      expect(stderr).toBe('');
      expect(status).toBe(0);
    },
  );

  it('writes into files what it writes into pipes (stdout and stderr redirected, as `> graph.json`)', () => {
    const manifest = writeEstate(scratchDir('strata-file-out-'), SIZES[0]!, 'warm_standby');
    for (const format of ['json', 'text']) {
      const args = ['graph', '--manifest', manifest, '--format', format];
      const piped = runCli(args);
      expect(piped.status).toBe(0);
      // Many chunks: the 1k estate's JSON is several times the 64 KB the graph writes at a time.
      expect(piped.stdout.length).toBeGreaterThan(format === 'json' ? 200_000 : 20_000);
      expect(runCliIntoFiles(args)).toEqual(piped);
    }
    const bad = ['graph', '--manifest', manifest, '--format', 'yaml'];
    const refused = runCliIntoFiles(bad);
    expect(refused).toEqual(runCli(bad));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--format must be one of text, json, mermaid');
  });
});
