import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Issue 10: texts made below the entries name settings and suggest commands through the entry's wording
 * (core/wording.ts), so that an action's user never reads a CLI flag or command line. This scans every
 * string and template literal of src/core, src/engine, src/app, src/adapters and src/terraform (comments are not texts) for a flag (`--to`) or a
 * command line (`strata failback`).
 */
const SCANNED = ['src/core', 'src/engine', 'src/app', 'src/adapters', 'src/terraform'];

/** The manifest's schema describes its fields for every surface's users; it is documentation, not a message. */
const ALLOWED = new Set(['src/core/manifest/schema.ts']);

const FLAG = /(?:^|[^\w-])--(?:[a-z]|$)/;
const COMMAND_LINE = /\bstrata (?:graph|plan|apply|destroy|drift|report|failover|failback|stray|migrate)\b/;
/** Another tool's command line, quoted as what it is (`terragrunt show --all -json`): its flags are not Strata's. */
const OTHER_TOOL_COMMAND = /\bterragrunt [^`'"]*/g;

/** The literal texts of a TypeScript source that spell a CLI flag or command line, with their lines. */
function cliWordsIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const text = node.text.replace(OTHER_TOOL_COMMAND, '');
      if (FLAG.test(text) || COMMAND_LINE.test(text)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${fileName}:${String(line + 1)}: ${node.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourcesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(directory, name).split(path.sep).join('/'));
}

describe('texts below the entries', () => {
  it('spell no CLI flag and no command line below the entries (word them with core/wording.ts)', () => {
    const files = SCANNED.flatMap(sourcesUnder).filter((file) => !ALLOWED.has(file));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => cliWordsIn(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('are told apart: the scan finds a flag or a command line in a string, a template or its parts', () => {
    const probe = (code: string) => cliWordsIn('probe.ts', code);
    expect(probe("const a = 'run again with --allow-destroy x';")).toHaveLength(1);
    expect(probe('const a = `stopped by --fail-fast after ${what}`;')).toHaveLength(1);
    expect(probe('const a = `${x} --account ${y}`;')).toHaveLength(1);
    expect(probe('const a = `fail back with strata failback once ${region} is up`;')).toHaveLength(1);
    // Another tool's command line is not Strata's; Strata's beside it still is.
    expect(probe('const a = `as \\`terragrunt show --all -json\\` writes`;')).toEqual([]);
    expect(probe("const a = '`terragrunt show --all` or strata graph --format json';")).toHaveLength(1);
    // Not texts: code that decrements, comments; nor a dash in words.
    expect(probe('let left = 2; const b = --left;')).toEqual([]);
    expect(probe("// run strata failover --to R\nconst c = 'read-only, one-way';")).toEqual([]);
  });
});
