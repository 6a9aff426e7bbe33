import path from 'node:path';

/** The file-system name of an instance: `/` cannot appear in a directory name and `.` cannot appear in names. */
export function instanceDirectoryName(id: string): string {
  return id.replaceAll('/', '.');
}

/** Where an instance keeps its Terraform data, var file, plan and logs in a run's work directory. */
export function instanceDirectory(workDirectory: string, id: string): string {
  return path.join(workDirectory, 'instances', instanceDirectoryName(id));
}
