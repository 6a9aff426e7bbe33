import { markdownTable } from 'markdown-table';
import { parse } from 'yaml';

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const START = '<!-- action-tables:start (generated from action.yml by `npm run readme`) -->';
const END = '<!-- action-tables:end -->';

const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

/** The README's inputs and outputs tables, from action.yml. */
export function renderActionTables(actionYaml: string): string {
  const action = parse(actionYaml) as ActionYaml;
  const inputs = markdownTable([
    ['input', 'default', 'description'],
    ...Object.entries(action.inputs).map(([name, input]) => [
      `\`${name}\``,
      input.required ? 'required' : `\`${cell(input.default ?? '')}\``,
      cell(input.description),
    ]),
  ]);
  const outputs = markdownTable([
    ['output', 'description'],
    ...Object.entries(action.outputs).map(([name, output]) => [`\`${name}\``, cell(output.description)]),
  ]);
  return `### Inputs\n\n${inputs}\n\n### Outputs\n\n${outputs}\n`;
}

export function replaceBetweenMarkers(readme: string, tables: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n\n${tables}\n${readme.slice(end)}`;
}

export function tablesInReadme(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? '' : readme.slice(start + START.length, end).trim();
}
