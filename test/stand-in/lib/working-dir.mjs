// The working directory's record of its backend, in $TF_DATA_DIR/terraform.tfstate as Terraform keeps it, and
// Terraform's "Backend initialization required" when the configuration and the record disagree.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backendHash } from './backend.mjs';
import { DiagError, errorDiag } from './diagnostics.mjs';
import { marshalIndent, sortedKeys } from './go-json.mjs';

export function dataDir(ctx) {
  return resolve(ctx.cwd, ctx.env.TF_DATA_DIR || '.terraform');
}

export function readBackendRecord(ctx) {
  const path = join(dataDir(ctx), 'terraform.tfstate');
  if (!existsSync(path)) return undefined;
  try {
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    return doc.backend
      ? { type: doc.backend.type, config: doc.backend.config ?? {}, hash: doc.backend.hash }
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeBackendRecord(ctx, backend) {
  const dir = dataDir(ctx);
  mkdirSync(dir, { recursive: true });
  const doc = {
    version: 3,
    terraform_version: ctx.version,
    backend: { type: backend.type, config: sortedKeys(backend.config), hash: backendHash(backend) },
  };
  writeFileSync(join(dir, 'terraform.tfstate'), marshalIndent(doc) + '\n');
}

/** The backend an initialized working directory uses, or Terraform's "Backend initialization required". */
export function initializedBackend(ctx, module) {
  const record = readBackendRecord(ctx);
  const configured = module?.backend;
  if (!configured && !record) return { type: 'local', config: {} };
  const required = (reason) =>
    new DiagError(
      errorDiag(
        `Backend initialization required, please run "${ctx.product.command} init"`,
        `Reason: ${reason}\n\n${ctx.product.texts.backendReason}`,
      ),
    );
  if (!record) throw required(`Initial configuration of the requested backend "${configured.type}"`);
  if (!configured) throw required(`Unsetting the previously set backend "${record.type}"`);
  if (configured.type !== record.type)
    throw required(`Backend type changed from "${record.type}" to "${configured.type}"`);
  return { type: record.type, config: record.config };
}
