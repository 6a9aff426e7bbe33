import * as core from '@actions/core';
import { logLines } from '../adapters/log-lines.js';
import { hookLine, progressLine } from '../core/render/run-text.js';
import type { EngineReporter } from '../engine/run-engine.js';
import type { Redactor } from '../terraform/redact.js';

/**
 * Progress as one log line per state change; each finished instance's Terraform output in its own
 * collapsible log group (the engine hands them over one at a time, so groups never overlap); every secret
 * registered with the runner, which then masks it in the whole job log.
 */
export function createActionReporter(redactor: Redactor): EngineReporter {
  return {
    instanceChanged(instance, run) {
      core.info(redactor.redact(progressLine(instance, run)));
    },
    async instanceOutput(instance, sections) {
      core.startGroup(`${instance.id}: ${instance.status}`);
      try {
        for (const section of sections) {
          core.info(`--- ${section.title}`);
          for await (const line of logLines(section.logFile)) core.info(redactor.redact(line));
        }
      } finally {
        core.endGroup();
      }
    },
    secrets(values) {
      for (const value of values) core.setSecret(value);
      redactor.add(values);
    },
    hookChanged(hook) {
      core.info(redactor.redact(hookLine(hook)));
    },
  };
}
